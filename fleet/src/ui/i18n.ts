// Chinese by default, English as the switch; bundled resources (no network). Reason and status codes from the API
// are translated here, never shown raw when a text exists.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Every text once, as [zh-CN, en]: a key without its English (or Chinese) does not type-check. */
type Texts = { [key: string]: readonly [string, string] | Texts };

const texts = {
  title: ['易办事终端运维台', 'Easy-Do fleet console'],
  language: ['English', '中文'],
  signIn: { heading: ['运维人员登录', 'Operator sign-in'], username: ['用户名', 'User name'], password: ['密码', 'Password'], submit: ['登录', 'Sign in'], wrong: ['用户名或密码错误', 'Wrong user name or password'], locked: ['错误次数过多，账户已锁定至 {{until}}', 'Too many wrong passwords; locked until {{until}}'], failed: ['登录失败', 'Sign-in failed'] },
  signOut: ['退出', 'Sign out'],
  roles: { city: ['市级运维', 'City operations'], street: ['街道运维', 'Street maintenance'] },
  list: { heading: ['终端（最差优先）', 'Terminals (worst first)'], total: ['共 {{n}} 台', '{{n}} terminals'], counts: ['红 {{red}} · 黄 {{yellow}} · 绿 {{green}}', 'red {{red}} · yellow {{yellow}} · green {{green}}'], never: ['尚无心跳', 'no heartbeat yet'], ago: ['{{s}} 秒前', '{{s}} s ago'], agoMin: ['{{m}} 分钟前', '{{m}} min ago'], select: ['选择', 'Select'], selectGroup: ['选择本中心', 'Select centre'] },
  colour: { red: ['故障', 'Fault'], yellow: ['注意', 'Attention'], green: ['正常', 'OK'] },
  service: { inService: ['服务中', 'In service'], outOfService: ['暂停服务', 'Out of service'], draining: ['办完即停', 'Draining'] },
  reason: { offline: ['离线', 'Offline'], silent: ['心跳中断', 'Heartbeat lost'], late: ['心跳延迟', 'Heartbeat late'], outOfService: ['暂停服务', 'Out of service'], draining: ['办完即停', 'Draining'], outbox: ['待发送积压', 'Outbox backlog'], paperLow: ['纸将用尽', 'Paper low'] },
  alerts: { heading: ['实时告警', 'Live alerts'], none: ['暂无告警', 'No alerts'], ack: ['确认', 'Acknowledge'], acked: ['{{who}} 于 {{at}} 确认', 'Acknowledged by {{who}} at {{at}}'], cleared: ['已恢复', 'Cleared'], severity: { info: ['提示', 'Info'], warning: ['警告', 'Warning'], critical: ['严重', 'Critical'] } },
  terminal: { back: ['返回列表', 'Back to list'], version: ['版本', 'Version'], configVersion: ['配置版本', 'Config version'], outbox: ['待发送', 'Outbox'], lastHeartbeat: ['最近心跳', 'Last heartbeat'], devices: ['设备', 'Devices'], history: ['近 24 小时', 'Last 24 hours'], outboxChart: ['待发送数', 'Outbox depth'], faultyChart: ['异常设备数', 'Devices not OK'], commands: ['远程指令', 'Remote commands'], noHistory: ['尚无历史数据', 'No history yet'] },
  command: { drain: ['办完即停', 'Drain'], outOfService: ['暂停服务', 'Out of service'], inService: ['恢复服务', 'Back in service'], reloadRenderer: ['重载界面', 'Reload screen'], restartApp: ['重启程序', 'Restart app'], configPush: ['推送配置', 'Push config'], logBundle: ['收集日志', 'Collect logs'], screenshot: ['截屏', 'Screenshot'], updateCheck: ['检查更新', 'Check for update'], status: { pending: ['待发送', 'Pending'], sent: ['已发送', 'Sent'], received: ['终端已收到', 'Received'], done: ['已完成', 'Done'], refused: ['被拒绝', 'Refused'], failed: ['失败', 'Failed'], expired: ['已过期', 'Expired'], unsupported: ['不支持', 'Unsupported'] }, download: ['下载', 'Download'] },
  action: { heading: ['批量操作', 'Fleet action'], selected: ['已选 {{n}} 台', '{{n}} selected'], street: ['整条街道', 'Whole street'], run: ['执行', 'Run'], progress: ['{{done}}/{{total}} 完成（每秒 {{rate}} 台）', '{{done}}/{{total}} done ({{rate}} per second)'], idle: ['每秒发送不超过 {{rate}} 台，避免同时冲击', 'At most {{rate}} terminals a second, so none stampede'], idleTimeout: ['屏幕超时（秒）', 'Screen timeout (s)'] },
  device: { idReader: ['读卡器', 'Card reader'], receiptPrinter: ['凭条打印机', 'Receipt printer'], a4Printer: ['A4 打印机', 'A4 printer'], scanner: ['扫描仪', 'Scanner'], documentCamera: ['高拍仪', 'Document camera'], qrScanner: ['扫码器', 'QR scanner'] },
  deviceStatus: { online: ['正常', 'OK'], offline: ['离线', 'Offline'], noDevice: ['未连接', 'Not connected'], hardwareError: ['硬件故障', 'Hardware fault'], userError: ['需处理', 'Needs attention'], busy: ['忙', 'Busy'], starting: ['启动中', 'Starting'] },
} satisfies Texts;

type Language<T> = { [K in keyof T]: T[K] extends readonly [string, string] ? string : Language<T[K]> };

/** One language's table (0: zh-CN, 1: en) in the shape i18next takes. */
function language<T extends Texts>(tree: T, index: 0 | 1): Language<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) out[key] = Array.isArray(value) ? value[index] : language(value as Texts, index);
  return out as Language<T>;
}

export function initI18n() {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('fleet.lang') : null;
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: language(texts, 0) }, en: { translation: language(texts, 1) } },
    lng: saved === 'en' ? 'en' : 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/** A reason code (offline, alert:paperOut, device:idReader:offline) in words. */
export function reasonText(t: (k: string, o?: Record<string, unknown>) => string, code: string): string {
  const [head, a, b] = code.split(':');
  if (head === 'alert') return a ?? code;
  if (head === 'device') return `${t(`device.${a}`, { defaultValue: a })} ${t(`deviceStatus.${b}`, { defaultValue: b })}`;
  return t(`reason.${head}`, { defaultValue: code });
}
