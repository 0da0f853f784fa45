// Chinese by default, English as the switch; bundled resources (no network). Reason and status codes from the API
// are translated here, never shown raw when a text exists.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const zh = {
  title: '易办事终端运维台',
  language: 'English',
  signIn: { heading: '运维人员登录', username: '用户名', password: '密码', submit: '登录', wrong: '用户名或密码错误', locked: '错误次数过多，账户已锁定至 {{until}}', failed: '登录失败' },
  signOut: '退出',
  roles: { city: '市级运维', street: '街道运维' },
  list: { heading: '终端（最差优先）', total: '共 {{n}} 台', counts: '红 {{red}} · 黄 {{yellow}} · 绿 {{green}}', never: '尚无心跳', ago: '{{s}} 秒前', agoMin: '{{m}} 分钟前', select: '选择', selectGroup: '选择本中心' },
  colour: { red: '故障', yellow: '注意', green: '正常' },
  service: { inService: '服务中', outOfService: '暂停服务', draining: '办完即停' },
  reason: { offline: '离线', silent: '心跳中断', late: '心跳延迟', outOfService: '暂停服务', draining: '办完即停', outbox: '待发送积压', paperLow: '纸将用尽' },
  alerts: { heading: '实时告警', none: '暂无告警', ack: '确认', acked: '{{who}} 于 {{at}} 确认', cleared: '已恢复', severity: { info: '提示', warning: '警告', critical: '严重' } },
  terminal: { back: '返回列表', version: '版本', configVersion: '配置版本', outbox: '待发送', lastHeartbeat: '最近心跳', devices: '设备', history: '近 24 小时', outboxChart: '待发送数', faultyChart: '异常设备数', commands: '远程指令', noHistory: '尚无历史数据' },
  command: {
    drain: '办完即停', outOfService: '暂停服务', inService: '恢复服务', reloadRenderer: '重载界面', restartApp: '重启程序', configPush: '推送配置', logBundle: '收集日志', screenshot: '截屏',
    status: { pending: '待发送', sent: '已发送', received: '终端已收到', done: '已完成', refused: '被拒绝', failed: '失败', expired: '已过期', unsupported: '不支持' },
    download: '下载',
  },
  action: { heading: '批量操作', selected: '已选 {{n}} 台', street: '整条街道', run: '执行', progress: '{{done}}/{{total}} 完成（每秒 {{rate}} 台）', idle: '每秒发送不超过 {{rate}} 台，避免同时冲击', idleTimeout: '屏幕超时（秒）' },
  device: { idReader: '读卡器', receiptPrinter: '凭条打印机', a4Printer: 'A4 打印机', scanner: '扫描仪', documentCamera: '高拍仪', qrScanner: '扫码器' },
  deviceStatus: { online: '正常', offline: '离线', noDevice: '未连接', hardwareError: '硬件故障', userError: '需处理', busy: '忙', starting: '启动中' },
};

type Texts = typeof zh;
type Mirror<T> = { [K in keyof T]: T[K] extends string ? string : Mirror<T[K]> };

const en: Mirror<Texts> = {
  title: 'Easy-Do fleet console',
  language: '中文',
  signIn: { heading: 'Operator sign-in', username: 'User name', password: 'Password', submit: 'Sign in', wrong: 'Wrong user name or password', locked: 'Too many wrong passwords; locked until {{until}}', failed: 'Sign-in failed' },
  signOut: 'Sign out',
  roles: { city: 'City operations', street: 'Street maintenance' },
  list: { heading: 'Terminals (worst first)', total: '{{n}} terminals', counts: 'red {{red}} · yellow {{yellow}} · green {{green}}', never: 'no heartbeat yet', ago: '{{s}} s ago', agoMin: '{{m}} min ago', select: 'Select', selectGroup: 'Select centre' },
  colour: { red: 'Fault', yellow: 'Attention', green: 'OK' },
  service: { inService: 'In service', outOfService: 'Out of service', draining: 'Draining' },
  reason: { offline: 'Offline', silent: 'Heartbeat lost', late: 'Heartbeat late', outOfService: 'Out of service', draining: 'Draining', outbox: 'Outbox backlog', paperLow: 'Paper low' },
  alerts: { heading: 'Live alerts', none: 'No alerts', ack: 'Acknowledge', acked: 'Acknowledged by {{who}} at {{at}}', cleared: 'Cleared', severity: { info: 'Info', warning: 'Warning', critical: 'Critical' } },
  terminal: { back: 'Back to list', version: 'Version', configVersion: 'Config version', outbox: 'Outbox', lastHeartbeat: 'Last heartbeat', devices: 'Devices', history: 'Last 24 hours', outboxChart: 'Outbox depth', faultyChart: 'Devices not OK', commands: 'Remote commands', noHistory: 'No history yet' },
  command: {
    drain: 'Drain', outOfService: 'Out of service', inService: 'Back in service', reloadRenderer: 'Reload screen', restartApp: 'Restart app', configPush: 'Push config', logBundle: 'Collect logs', screenshot: 'Screenshot',
    status: { pending: 'Pending', sent: 'Sent', received: 'Received', done: 'Done', refused: 'Refused', failed: 'Failed', expired: 'Expired', unsupported: 'Unsupported' },
    download: 'Download',
  },
  action: { heading: 'Fleet action', selected: '{{n}} selected', street: 'Whole street', run: 'Run', progress: '{{done}}/{{total}} done ({{rate}} per second)', idle: 'At most {{rate}} terminals a second, so none stampede', idleTimeout: 'Screen timeout (s)' },
  device: { idReader: 'Card reader', receiptPrinter: 'Receipt printer', a4Printer: 'A4 printer', scanner: 'Scanner', documentCamera: 'Document camera', qrScanner: 'QR scanner' },
  deviceStatus: { online: 'OK', offline: 'Offline', noDevice: 'Not connected', hardwareError: 'Hardware fault', userError: 'Needs attention', busy: 'Busy', starting: 'Starting' },
};

export function initI18n() {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('fleet.lang') : null;
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
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
