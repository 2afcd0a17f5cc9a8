// Text for the PDF's standard fonts (Helvetica), which encode WinAnsi only (pdf-lib throws on
// anything else). French is all WinAnsi (é, Œ, ’, « », —), so it is drawn as typed once the text
// is composed (NFC: a name typed on a Mac arrives as E + U+0301). Typographic spaces and dashes
// outside WinAnsi get their nearest WinAnsi sign (Intl's French numbers use U+202F between
// thousands), a Latin letter with an accent Helvetica lacks keeps its base letter (ŝ → s), and
// anything else — other scripts, e.g. Inuktitut syllabics — becomes '?' and is counted, so the
// page can say that some characters could not be drawn.

/** The 27 WinAnsi characters of 0x80–0x9F (the rest is ASCII and Latin-1). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Nearest WinAnsi sign for common typographic characters outside it. */
const NEAREST: Record<string, string> = {
  '\u202f': '\u00a0', '\u2007': '\u00a0', '\u2060': '', '\u200b': '', '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ', '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—',
  '\u2212': '-', '\u2032': "'", '\u2033': '"', '\u02bc': '’', '\u2044': '/', '\u2215': '/', '\u00a0': '\u00a0',
};

export function encodable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
}

export interface PdfText {
  text: string;
  /** The characters replaced by '?' (in order, repeats kept). */
  missing: string[];
}

export function pdfText(input: string): PdfText {
  const missing: string[] = [];
  let text = '';
  for (const ch of input.normalize('NFC')) {
    if (encodable(ch)) text += ch;
    else if (ch in NEAREST) text += NEAREST[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base && base !== ch && [...base].every(encodable)) text += base;
      else if (/[\t\n\r]/.test(ch)) text += ' ';
      else {
        missing.push(ch);
        text += '?';
      }
    }
  }
  return { text, missing };
}

/** The text as the standard fonts can draw it (see pdfText). */
export function winAnsi(text: string): string {
  return pdfText(text).text;
}
