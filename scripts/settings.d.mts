export function positiveInt(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  warn?: (message: string) => void,
): number;
export interface ServerSettings {
  workers: number;
  semiSpaceMb: number;
  renderConcurrency: number;
  renderQueueMax: number;
}
export function serverSettings(
  env: Record<string, string | undefined>,
  warn?: (message: string) => void,
): ServerSettings;
