'use client';

// The root layout itself failed, so no translations are available: both languages, plainly.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>
          系统出错了 · <span lang="en">Something went wrong</span>
        </h1>
        <p>
          请稍后再试。<span lang="en">Please try again later.</span>
        </p>
        {error.digest && <p style={{ fontFamily: 'monospace', fontSize: 12 }}>ref {error.digest}</p>}
        <a href="/dashboard">
          返回首页 · <span lang="en">Home</span>
        </a>
      </body>
    </html>
  );
}
