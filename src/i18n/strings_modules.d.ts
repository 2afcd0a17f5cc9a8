// The language files' parts, made by scripts/vite_strings_plugin.ts.
declare module 'virtual:geoveille-strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
