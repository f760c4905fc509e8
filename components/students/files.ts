/**
 * A file input's value as react-hook-form holds it (a FileList) turned into the one File a server
 * action can carry (a FileList does not cross to the server; a File does), or undefined.
 */
export function firstFile(value: unknown): File | undefined {
  if (typeof FileList !== 'undefined' && value instanceof FileList) return value[0];
  return value instanceof File ? value : undefined;
}
