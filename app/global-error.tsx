'use client';

// The root layout itself failed, so no translations are available: both languages, plainly.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>系统出错了 · Something went wrong</h1>
        <p>请稍后再试。Please try again later.</p>
        {error.digest && <p style={{ fontFamily: 'monospace', fontSize: 12 }}>ref {error.digest}</p>}
        <a href="/dashboard">返回首页 · Home</a>
      </body>
    </html>
  );
}
