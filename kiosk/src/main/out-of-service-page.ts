// Shown when the renderer keeps failing: a local page that needs no script, in both languages.
export function outOfServicePage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>暂停服务</title>
<style>body{font-family:sans-serif;background:#fff;color:#111;display:grid;place-items:center;height:100vh;margin:0;text-align:center}
h1{font-size:48px}p{font-size:28px}</style></head>
<body><main><h1>本机暂停服务</h1><p>请使用其他自助终端或前往服务窗口办理。</p>
<p lang="en">This terminal is out of service. Please use another terminal or a service counter.</p></main></body></html>`;
}
