'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { formatBytes } from '@/lib/cases/documents';
import { csvRowCounter, fileNameFrom } from '@/lib/exports/download';
import type { ExportFormat, Ledger } from '@/lib/exports/ledgers';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; format: ExportFormat; bytes: number; rows: number; total: number | null }
  | { kind: 'done'; total: number; file: string }
  | { kind: 'error'; message: 'failed' | 'forbidden' | 'signedOut' }
  | { kind: 'cancelled' };

/** How often the progress line may re-render while bytes pour in. */
const PROGRESS_EVERY_MS = 100;

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * 导出: a menu of the two formats (components/ui/dropdown-menu.tsx), then the ledger under the list's current filters as XLSX or CSV. The file is fetched and read
 * chunk by chunk, so the page stays alive and says how far it has got ("1,200 of 5,000 rows" for
 * CSV, the bytes received for a zipped workbook), can be cancelled, and is saved from a Blob URL.
 */
export function ExportMenu({ ledger, params }: { ledger: Ledger; params: Record<string, string | undefined> }) {
  const t = useTranslations('exports');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const picked = useRef(false);
  const running = status.kind === 'running';

  // Focus follows the work: to Cancel while it runs, back to the menu's button when it is over
  // (Cancel has gone) — but never on the page's first render.
  const ran = useRef(false);
  useEffect(() => {
    if (running) {
      ran.current = true;
      cancelButton.current?.focus();
    } else if (ran.current && document.activeElement === document.body) {
      trigger.current?.focus();
    }
  }, [running]);
  useEffect(() => () => abort.current?.abort(), []);

  async function run(format: ExportFormat) {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', format, bytes: 0, rows: 0, total: null });
    const query = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    try {
      const res = await fetch(`/api/exports/${ledger}?${query}`, { signal: controller.signal, cache: 'no-store' });
      if (!res.ok || !res.body) {
        setStatus({
          kind: 'error',
          message: res.status === 401 ? 'signedOut' : res.status === 403 ? 'forbidden' : 'failed',
        });
        return;
      }
      const total = Number(res.headers.get('X-Total-Rows') ?? '0');
      const file = fileNameFrom(res.headers.get('Content-Disposition')) ?? `${ledger}.${format}`;
      const counter = csvRowCounter();
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let rows = 0;
      let shown = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (format === 'csv') rows = counter.add(value);
        if (Date.now() - shown >= PROGRESS_EVERY_MS) {
          shown = Date.now();
          setStatus({ kind: 'running', format, bytes, rows, total });
        }
      }
      save(new Blob(chunks, { type: res.headers.get('Content-Type') ?? 'application/octet-stream' }), file);
      setStatus({ kind: 'done', total, file });
    } catch {
      setStatus(controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'error', message: 'failed' });
    } finally {
      if (abort.current === controller) abort.current = null;
      picked.current = false;
    }
  }

  return (
    <div className="mb-3 flex flex-wrap items-center justify-end gap-2">
      <div className="min-w-0 flex-1 text-sm text-stone-700">
        {status.kind === 'running' && (
          // Not a live region: it changes ten times a second; the status line below says when it starts and ends.
          <span className="flex flex-wrap items-center gap-2">
            {status.format === 'csv' && status.total !== null ? (
              <progress
                value={status.rows}
                max={Math.max(status.total, 1)}
                className="h-2 w-32 max-w-full"
                aria-hidden="true"
              />
            ) : (
              <progress className="h-2 w-32 max-w-full" aria-hidden="true" />
            )}
            <span className="tabular-nums">
              {status.total === null
                ? t('preparing')
                : status.format === 'csv'
                  ? t('progressRows', { n: status.rows, total: status.total })
                  : t('progressBytes', { size: formatBytes(status.bytes), total: status.total })}
            </span>
            <Button ref={cancelButton} variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
              {t('cancel')}
            </Button>
          </span>
        )}
        <p
          role="status"
          className={
            status.kind === 'running'
              ? 'sr-only'
              : status.kind === 'error'
                ? 'text-red-700'
                : status.kind === 'done'
                  ? 'break-all text-green-800'
                  : ''
          }
        >
          {status.kind === 'running' && t('preparing')}
          {status.kind === 'done' && t('done', { total: status.total, file: status.file })}
          {status.kind === 'error' && t(status.message)}
          {status.kind === 'cancelled' && t('cancelled')}
        </p>
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="secondary" disabled={running}>
            {t('export')}
            <span aria-hidden="true">▾</span>
          </Button>
        </DropdownMenuTrigger>
        {/* Focus goes to Cancel while the file comes (the effect above), not back to the button. */}
        <DropdownMenuContent
          align="end"
          className="w-64"
          onCloseAutoFocus={(e) => picked.current && e.preventDefault()}
        >
          <DropdownMenuLabel>{t('hint')}</DropdownMenuLabel>
          {(['xlsx', 'csv'] as const).map((format) => (
            <DropdownMenuItem
              key={format}
              onSelect={() => {
                picked.current = true;
                void run(format);
              }}
            >
              {t(format === 'xlsx' ? 'asXlsx' : 'asCsv')}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
