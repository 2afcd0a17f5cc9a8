// `npm run import -- addresses <file.csv> --id <index-id>`: writes the index and lists it; errors are one line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAddressesArgs } from '../../src/cli/import/addresses';
import { AddressIndex } from '../../src/queries/search/address_reader';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

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
    expect((await index.search('123 erables')).hits).toEqual([{ address: '123, rue des Érables', municipality: 'Trois-Rivières', lon: -72.55, lat: 46.35, score: 1 }]);
    expect(result.stdout).toMatch(/peak memory \d+ MB/);
  }, 60_000);

  it('should geocode from the index folder with cli geocode, printing [{label, municipality, lon, lat, score}]', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'addresses-'));
    const csv = path.join(dir, 'civic.csv');
    writeFileSync(csv, 'address,municipality,lon,lat\n"300, rue Principale",Rivière-Claire,-72.53,46.31\n"300, rue Principale",Granby,-72.7,45.4\n"12, rue du Pont",Granby,-72.71,45.41\n');
    const out = path.join(dir, 'out');
    expect((await importCli([csv, '--id', 'geo', '--out-dir', out])).code).toBe(0);
    const geocode = (text: string) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'geocode', '--index', path.join(out, 'geo'), text], { cwd: repoRoot });
    const { stdout } = await geocode('300 rue Principale, Riviere-Claire');
    expect(JSON.parse(stdout)).toEqual([{ label: '300, rue Principale', municipality: 'Rivière-Claire', lon: -72.53, lat: 46.31, score: 1 }]);
    const towns = JSON.parse((await geocode('Granby')).stdout);
    expect(towns).toEqual([{ label: 'Granby', municipality: 'Granby', lon: expect.any(Number), lat: expect.any(Number), score: 1 }]);
    await expect(geocode('x')).resolves.toMatchObject({ stdout: '[]\n' });
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
