// Node only: layer data read from files under a data root (or from http(s) URLs), for the
// CLI and the unit tests. Browser code must not import this file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FetchRangeSource } from '../sources/source';
import { FileRangeSource } from '../sources/file_source';
import { makeDataAccess, type DataAccess } from './identify_data';

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** Catalogue URLs such as "data/x.pmtiles" are read as `<dataRoot>/data/x.pmtiles`. */
export function fileDataAccess(dataRoot: string): DataAccess {
  return makeDataAccess({
    resolve: (url) => (isUrl(url) ? url : path.resolve(dataRoot, url)),
    rangeSource: (resolved) => (isUrl(resolved) ? new FetchRangeSource(resolved) : new FileRangeSource(resolved)),
    readText: async (resolved) => {
      if (isUrl(resolved)) {
        const response = await fetch(resolved);
        if (!response.ok) throw new Error(`${resolved}: HTTP ${response.status}`);
        return response.text();
      }
      return readFile(resolved, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(error.code === 'ENOENT' ? `${resolved}: no such file` : `${resolved}: ${error.message}`);
      });
    },
  });
}
