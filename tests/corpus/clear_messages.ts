// Cases whose message used to leak a library's words ("Invalid field type: 0", "unexpected end
// of file", "Failed to fetch"): what they must say now, in-process, in the CLI and in the browser.
export const CLEAR_MESSAGES: Record<string, { must: RegExp; mustNot: RegExp }> = {
  'truncated.tif': { must: /truncated/i, mustNot: /Invalid field type/i },
  'dir-past-end.pmtiles': { must: /directory lies past the end of the file/i, mustNot: /unexpected end of file|Failed to fetch/i },
};
