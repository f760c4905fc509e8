'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, useTransition } from 'react';
import { deleteDocument, uploadDocument } from '@/lib/cases/document-actions';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { checkDocument, formatBytes, MAX_DOCUMENTS_PER_CASE, SNIFF_BYTES } from '@/lib/cases/documents';
import { casePaths } from '@/lib/cases/paths';

export interface DocumentItem {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const TYPE_LABEL: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type Refused = { name: string; error: string };

/** The file as the browser holds it, checked the way the server will check it again. */
async function precheck(file: File, existing: number) {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return checkDocument({ size: file.size, head }, existing);
}

/**
 * The supporting documents of a case being edited: pick one or more files (the phone offers its
 * camera too), each checked here first so a wrong or oversized file is refused before it is sent,
 * then uploaded one after another with the progress shown; the list offers download and delete.
 */
export function DocumentUpload({ caseId, documents }: { caseId: number; documents: DocumentItem[] }) {
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ at: number; total: number; name: string } | null>(null);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [refreshing, startRefresh] = useTransition();
  const busy = progress !== null || refreshing;
  const left = Math.max(0, MAX_DOCUMENTS_PER_CASE - documents.length);

  async function upload(files: File[]) {
    setRefused([]);
    const problems: Refused[] = [];
    let count = documents.length;
    for (const [i, file] of files.entries()) {
      setProgress({ at: i + 1, total: files.length, name: file.name });
      const checked = await precheck(file, count);
      if (!checked.ok) {
        problems.push({ name: file.name, error: checked.problem });
        continue;
      }
      const data = new FormData();
      data.set('caseId', String(caseId));
      data.set('file', file);
      // The action takes FormData as it is (the wrapper turns it into an object with the File).
      const result = await uploadDocument(data as unknown as Parameters<typeof uploadDocument>[0]).catch(() => null);
      if (result?.ok) count++;
      else
        problems.push({
          name: file.name,
          error: result ? (result.fieldErrors?.file?.[0] ?? result.error) : 'uploadFailed',
        });
    }
    setProgress(null);
    setRefused(problems);
    if (input.current) input.current.value = '';
    startRefresh(() => router.refresh());
  }

  const message = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t('errors.unexpected'));

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
          {t('apply.documents.choose')}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy || left === 0}
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            if (files.length) void upload(files);
          }}
          className="block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium hover:file:bg-stone-100 disabled:opacity-60"
        />
        <p id={`${inputId}-hint`} className="text-xs text-stone-500">
          {left === 0
            ? t('apply.documents.full', { max: MAX_DOCUMENTS_PER_CASE })
            : t('apply.documents.hint', { max: MAX_DOCUMENTS_PER_CASE, left })}
        </p>
      </div>

      <div aria-live="polite" className="space-y-2">
        {progress && (
          <div className="space-y-1 text-sm" data-testid="upload-progress">
            <p>{t('apply.documents.uploading', { at: progress.at, total: progress.total, name: progress.name })}</p>
            {/* No byte counts reach a server action's caller; the bar shows files done of files chosen. */}
            <progress
              className="h-2 w-full"
              max={progress.total}
              value={progress.at - 1}
              aria-label={t('apply.documents.progress')}
            />
          </div>
        )}
        {!progress && refreshing && <p className="text-sm text-stone-600">{t('common.loading')}</p>}
        {refused.length > 0 && (
          <ul className="space-y-1 rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="upload-refused">
            {refused.map((r, i) => (
              <li key={i} className="break-words">
                {t('apply.documents.refused', { name: r.name, reason: message(r.error) })}
              </li>
            ))}
          </ul>
        )}
      </div>

      {documents.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-center text-sm text-stone-600">
          {t('apply.documents.none')}
        </p>
      ) : (
        <ul
          className="divide-y divide-stone-100 rounded-md border border-stone-200"
          aria-label={t('apply.documents.list')}
        >
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <a
                href={casePaths.document(caseId, d.id)}
                className="min-w-0 flex-1 break-all font-medium text-brand-700 underline"
              >
                {d.fileName}
              </a>
              <span className="whitespace-nowrap text-xs text-stone-600">
                {TYPE_LABEL[d.contentType] ?? d.contentType} · {formatBytes(d.sizeBytes)}
              </span>
              <ConfirmAction
                label={t('apply.documents.delete')}
                title={t('apply.documents.deleteTitle')}
                body={t('apply.documents.deleteBody', { name: d.fileName })}
                confirmLabel={t('apply.documents.delete')}
                input={{ caseId, documentId: d.id }}
                run={deleteDocument}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
