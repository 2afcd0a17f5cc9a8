// `print=1`: the print panel is open (app/feature_print.ts).
import { rawParam, withParam, type HashPairs } from './pairs';

export const PRINT_KEY = 'print';

export function printRequested(extra: HashPairs): boolean {
  return rawParam(extra, PRINT_KEY) === '1';
}

export function withPrint(extra: HashPairs, open: boolean): Array<[string, string]> {
  return withParam(extra, PRINT_KEY, open ? '1' : undefined);
}
