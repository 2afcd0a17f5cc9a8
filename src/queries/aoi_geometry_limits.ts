// What the AOI reader accepts, apart from the reader itself: the page words its messages and checks
// a file's size with these without loading the parsers (they run in the upload worker).
export const MAX_AOI_FILE_BYTES = 20 * 1024 * 1024;
/** More areas than this make the link too long to share (each one is encoded in the URL). */
export const MAX_AOI_FEATURES = 30;
/** Beyond this a file is refused before any repair: memory and time stay bounded (a zipped
 *  Shapefile under the size limit can hold millions of vertices). */
export const MAX_AOI_VERTICES = 500_000;
