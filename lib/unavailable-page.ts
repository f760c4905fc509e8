import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { RETRY_AFTER_SECONDS } from './availability';
import { resolveLocale } from './i18n/locales';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer while the database cannot be reached: 503 with Retry-After, a small page in the
 * reader's language for browsers, `{ error: 'unavailable' }` for the API. Built without the
 * database or React, since neither can be counted on then.
 */
export function unavailableResponse(opts: { api: boolean; locale: string | undefined }): Response {
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  if (opts.api) return Response.json({ error: 'unavailable' }, { status: 503, headers });
  const locale = resolveLocale(opts.locale);
  const { pages } = locale === 'en' ? en : zh;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(pages.unavailableTitle)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1c1917"><main><h1 style="font-size:1.25rem">${escape(pages.unavailableTitle)}</h1><p>${escape(pages.unavailableBody)}</p><p><a href="" style="color:#1d4ed8">${escape(pages.retry)}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
