// admin screens' strings (namespace 'admin'): zh-CN is the default, en the switch. Keep both in step.
export const adminZh = {
  title: '维护模式',
  logout: '退出维护',
  tabs: { dashboard: '设备总览', diagnostics: '诊断', config: '配置', logs: '日志', service: '服务状态' },
  status: { online: '正常', offline: '离线', noDevice: '未连接', hardwareError: '硬件故障', userError: '需处理', busy: '忙', starting: '启动中' },
  dash: {
    devices: '设备', device: '设备', state: '状态', capabilities: '能力', counters: '计数', lastError: '最近错误', alerts: '提醒',
    required: '必需', optional: '可选', none: '无',
    backend: '受理平台', reachable: '可达', unreachable: '不可达', unknown: '未检测', latency: '延迟', ping: '立即检测',
    outbox: '待发送队列', depth: '待发送', oldest: '最早待发', lastSuccess: '最近成功',
    system: '本机', uptime: '运行时间', appUptime: '程序运行', memory: '内存', disk: '磁盘（数据目录）', free: '可用', load: '负载',
    heartbeat: '心跳', lastSent: '最近发送', alertsSent: '已发提醒',
    history: '最近 24 小时', working: '正常设备数', queue: '待发送', latencyMs: '延迟 (ms)',
    service: '服务', inService: '服务中', outOfService: '暂停服务',
  },
  diag: {
    testRead: '测试读卡', testReadHint: '请在读卡器上放一张证件（最长等待 30 秒）', testPrint: '测试打印', testScan: '测试扫描',
    reset: '复位', reopen: '重新打开端口', ok: '成功', failed: '失败', running: '进行中…', printed: '已打印样张', scanned: '已扫描',
    cardRead: '读到证件', virtualPrinter: '虚拟打印机输出', scannedPage: '扫描页面',
  },
  config: {
    identity: '终端', terminalId: '终端编号', centreName: '中心名称',
    backend: '受理平台', backendKind: '类型', sandbox: '内置沙箱', remote: '远程平台', url: '地址', timeoutMs: '超时 (ms)',
    secret: '终端密钥', secretHint: '只写：留空则保持不变，已设置的密钥不会显示', secretSet: '已设置', secretNotSet: '未设置',
    reader: '身份证读卡器', transport: '连接方式', simulator: '模拟器', serial: '串口', port: '端口', baud: '波特率',
    printer: '凭条打印机', address: '地址', profile: '纸宽',
    scanner: '扫描仪', source: '来源', scannerDevice: '设备',
    session: '空闲超时', idleWarning: '空闲提醒（秒）', idleCountdown: '倒计时（秒）',
    languages: '语言', defaultLanguage: '默认语言',
    required: '必需设备', adminPin: '新维护密码', adminPinHint: '只写：6–12 位数字，留空则不变',
    save: '校验并保存', rollback: '回滚到上一版本', saved: '已保存', appliedNow: '已立即生效', needsRestart: '重启后生效',
    restartList: '需要重启才生效的设置',
  },
  logs: {
    level: '级别', text: '搜索', refresh: '刷新', time: '时间', message: '内容', none: '没有日志', notCaptured: '此终端的日志未接入查看器',
    audit: '操作审计', action: '操作', detail: '详情', bundle: '导出诊断包', bundleHint: '含配置（无密钥）、日志、设备计数、审计；不含任何个人信息',
    bundleReady: '诊断包已生成', download: '下载',
  },
  service: {
    state: '当前状态', inService: '服务中', outOfService: '暂停服务', reason: '原因（显示在待机屏幕上）', takeOut: '暂停服务', putIn: '恢复服务',
    drain: '立即发送待发送队列', drained: '发送结果', delivered: '已送达', failedN: '失败', retryLater: '稍后重试',
    exit: '退出到桌面', exitConfirm: '确认退出到桌面？', exiting: '正在退出…',
  },
  sim: { printer: '模拟打印机', paperOk: '纸正常', nearEnd: '纸将尽', paperOut: '缺纸', coverOpen: '开盖', reader: '模拟读卡器', unplug: '拔出读卡器', plug: '插回读卡器' },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const adminEn: Strings<typeof adminZh> = {
  title: 'Maintenance',
  logout: 'Leave maintenance',
  tabs: { dashboard: 'Devices', diagnostics: 'Diagnostics', config: 'Configuration', logs: 'Logs', service: 'Service state' },
  status: { online: 'Online', offline: 'Offline', noDevice: 'Not connected', hardwareError: 'Hardware error', userError: 'Needs attention', busy: 'Busy', starting: 'Starting' },
  dash: {
    devices: 'Devices', device: 'Device', state: 'Status', capabilities: 'Capabilities', counters: 'Counters', lastError: 'Last error', alerts: 'Alerts',
    required: 'required', optional: 'optional', none: 'none',
    backend: 'Acceptance platform', reachable: 'reachable', unreachable: 'unreachable', unknown: 'not checked yet', latency: 'Latency', ping: 'Check now',
    outbox: 'Outbox', depth: 'Pending', oldest: 'Oldest pending', lastSuccess: 'Last success',
    system: 'Machine', uptime: 'Uptime', appUptime: 'App uptime', memory: 'Memory', disk: 'Disk (data folder)', free: 'free', load: 'Load',
    heartbeat: 'Heartbeat', lastSent: 'Last sent', alertsSent: 'Alerts sent',
    history: 'Last 24 h', working: 'Working devices', queue: 'Pending', latencyMs: 'Latency (ms)',
    service: 'Service', inService: 'In service', outOfService: 'Out of service',
  },
  diag: {
    testRead: 'Test read', testReadHint: 'Place a card on the reader (waits up to 30 s)', testPrint: 'Test print', testScan: 'Test scan',
    reset: 'Reset', reopen: 'Re-open port', ok: 'OK', failed: 'Failed', running: 'Running…', printed: 'Sample printed', scanned: 'Scanned',
    cardRead: 'Card read', virtualPrinter: 'Virtual printer output', scannedPage: 'Scanned page',
  },
  config: {
    identity: 'Terminal', terminalId: 'Terminal ID', centreName: 'Centre name',
    backend: 'Acceptance platform', backendKind: 'Kind', sandbox: 'Embedded sandbox', remote: 'Remote platform', url: 'URL', timeoutMs: 'Timeout (ms)',
    secret: 'Terminal secret', secretHint: 'Write-only: leave empty to keep it; a stored secret is never shown', secretSet: 'set', secretNotSet: 'not set',
    reader: 'ID card reader', transport: 'Transport', simulator: 'Simulator', serial: 'Serial', port: 'Port', baud: 'Baud',
    printer: 'Receipt printer', address: 'Address', profile: 'Paper width',
    scanner: 'Scanner', source: 'Source', scannerDevice: 'Device',
    session: 'Idle timeouts', idleWarning: 'Idle warning (s)', idleCountdown: 'Countdown (s)',
    languages: 'Languages', defaultLanguage: 'Default language',
    required: 'Required devices', adminPin: 'New maintenance PIN', adminPinHint: 'Write-only: 6–12 digits, empty keeps it',
    save: 'Validate and save', rollback: 'Roll back to the previous version', saved: 'Saved', appliedNow: 'In effect now', needsRestart: 'After a restart',
    restartList: 'Settings that need a restart',
  },
  logs: {
    level: 'Level', text: 'Search', refresh: 'Refresh', time: 'Time', message: 'Message', none: 'No log lines', notCaptured: 'This terminal\u2019s logs are not connected to the viewer',
    audit: 'Audit trail', action: 'Action', detail: 'Detail', bundle: 'Export diagnostics bundle', bundleHint: 'Config without secrets, logs, device counters, audit; no personal data',
    bundleReady: 'Bundle written', download: 'Download',
  },
  service: {
    state: 'Current state', inService: 'In service', outOfService: 'Out of service', reason: 'Reason (shown on the attract screen)', takeOut: 'Take out of service', putIn: 'Put back in service',
    drain: 'Send the outbox now', drained: 'Result', delivered: 'delivered', failedN: 'failed', retryLater: 'retry later',
    exit: 'Exit to desktop', exitConfirm: 'Really exit to the desktop?', exiting: 'Exiting…',
  },
  sim: { printer: 'Simulated printer', paperOk: 'Paper OK', nearEnd: 'Near end', paperOut: 'Paper out', coverOpen: 'Cover open', reader: 'Simulated reader', unplug: 'Unplug reader', plug: 'Plug reader back' },
};
