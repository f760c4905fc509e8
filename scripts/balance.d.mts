export function leastLoaded<W extends { ready: boolean; open: number }>(workers: Iterable<W>): W | null;
