// One error type for everything the importer refuses: it always names the file and says what is wrong,
// so main.ts can print it as a single line.

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ImportError';
  }
}
