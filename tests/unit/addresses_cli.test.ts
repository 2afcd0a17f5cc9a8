// `npm run import -- addresses <file.csv> --id <index-id>`: writes the index and lists it; errors are one line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAddressesArgs } from '../../src/cli/import/addresses';
import { AddressIndex } from '../../src/queries/search/address_reader';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

function importCli(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/import/main.ts'), 'addresses', ...args], { cwd: repoRoot })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

describe('import addresses CLI', () => {
  it('should write the shards, the manifest and the index list, readable by the search', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'addresses-'));
    const csv = path.join(dir, 'civic.csv');
    writeFileSync(csv, '\uFEFFadresse;municipalité;longitude;latitude\n"123, rue des Érables";Trois-Rivières;-72,55;46,35\n"7, rue du Pont";Bécancour;-72,4;46,3\nbad;row;x;y\n');
    const out = path.join(dir, 'out');
    const result = await importCli([csv, '--id', 'civic-test', '--title-fr', 'Adresses test', '--out-dir', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Indexed 2 addresses/);
    expect(result.stdout).toMatch(/skipped 1 rows \(line 4/);
    const list = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
    expect(list.indexes).toEqual([{ id: 'civic-test', title: { fr: 'Adresses test', en: 'Adresses test' }, count: 2, manifest: 'civic-test/manifest.json' }]);
    expect(readdirSync(path.join(out, 'civic-test'))).toContain('manifest.json');
    const index = new AddressIndex(async (file) => JSON.parse(readFileSync(path.join(out, 'civic-test', file), 'utf8')));
    expect((await index.search('123 erables')).hits).toEqual([{ address: '123, rue des Érables', municipality: 'Trois-Rivières', lon: -72.55, lat: 46.35 }]);
  }, 60_000);

  it('should fail with one line naming the file when it is missing', async () => {
    const result = await importCli(['/nonexistent/civic.csv', '--id', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['error: addresses: /nonexistent/civic.csv: file not found']);
  }, 60_000);

  it('should check its arguments', () => {
    expect(() => parseAddressesArgs(['a.csv'])).toThrow(/--id is required/);
    expect(() => parseAddressesArgs(['a.csv', '--id', 'Bad Id'])).toThrow(/lowercase/);
    expect(() => parseAddressesArgs(['a.csv', '--id', 'ok', '--zoom', '3'])).toThrow(/unknown option --zoom/);
    expect(parseAddressesArgs(['a.csv', '--id=ok']).id).toBe('ok');
  });
});
