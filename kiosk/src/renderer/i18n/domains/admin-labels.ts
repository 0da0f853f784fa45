// Names for what devices report on the maintenance dashboard (namespace 'adminLabels'): counter, capability,
// paper and alert keys in words, so a maintainer reads 缺纸次数 rather than paperOutEvents. Unknown keys fall
// back to the key itself (a new driver field shows up rather than vanishing).
export const adminLabelsZh = {
  counters: {
    cardsRead: '读卡次数', readErrors: '读卡错误', reconnects: '重新连接', timeouts: '超时', frameErrors: '数据帧错误',
    receiptsPrinted: '已打印回执', paperOutEvents: '缺纸次数', pagesScanned: '已扫描页数', pagesDiscarded: '丢弃页数',
    scanRetries: '扫描重试', stallsDetected: '卡住次数', filesRejected: '拒收文件', photoDecodeErrors: '照片解码错误',
  },
  capabilities: {
    columns: '每行字数', dots: '打印点数', cut: '自动切纸', charset: '字符集', qr: '二维码', statusReadable: '可读取状态', transport: '连接方式',
    adf: '自动送纸', resolution: '分辨率', mode: '色彩模式', hotFolder: '共享文件夹', cardTypes: '证件类型', fingerprint: '读取指纹',
    newAddress: '读取追加地址', photo: '照片解码',
  },
  paper: { ok: '纸正常', nearEnd: '纸将用完', out: '缺纸', unknown: '纸况未知' },
  alerts: { paperNearEnd: '回执纸将用完' },
  yes: '是',
  no: '否',
  technical: '技术信息',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const adminLabelsEn: Strings<typeof adminLabelsZh> = {
  counters: {
    cardsRead: 'cards read', readErrors: 'read errors', reconnects: 'reconnects', timeouts: 'timeouts', frameErrors: 'frame errors',
    receiptsPrinted: 'receipts printed', paperOutEvents: 'paper-out events', pagesScanned: 'pages scanned', pagesDiscarded: 'pages discarded',
    scanRetries: 'scan retries', stallsDetected: 'stalls', filesRejected: 'files refused', photoDecodeErrors: 'photo decode errors',
  },
  capabilities: {
    columns: 'columns', dots: 'dots', cut: 'cutter', charset: 'character set', qr: 'QR codes', statusReadable: 'status readable', transport: 'connection',
    adf: 'document feeder', resolution: 'resolution', mode: 'colour mode', hotFolder: 'shared folder', cardTypes: 'card types', fingerprint: 'reads fingerprint',
    newAddress: 'reads new address', photo: 'photo decoding',
  },
  paper: { ok: 'paper OK', nearEnd: 'paper nearly out', out: 'out of paper', unknown: 'paper unknown' },
  alerts: { paperNearEnd: 'Receipt paper nearly used up' },
  yes: 'yes',
  no: 'no',
  technical: 'Technical detail',
};
