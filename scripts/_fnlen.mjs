import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const files = process.argv.slice(2);
const out = [];
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const s = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      const e = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (e - s + 1 > 60) out.push([e - s + 1, `${f}:${s + 1}`]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
out.sort((a, b) => b[0] - a[0]);
for (const [n, w] of out) console.log(n, w);
