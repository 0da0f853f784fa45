export const zhCN = {
  app: { title: '易办事 自助服务终端', language: 'English', elder: '长辈模式', normal: '标准模式' },
  attract: {
    welcome: '欢迎使用易办事自助服务',
    placeCard: '请将身份证、港澳台居民居住证或外国人永久居留身份证放在读卡区',
    browse: '浏览办事指南',
    query: '查询办理进度',
    outOfService: '本机暂停受理申请',
    outOfServiceHint: '您仍可浏览办事指南和查询办理进度。',
  },
  catalogue: { title: '服务事项', items: '{{count}} 个事项', fromCache: '网络不可用，显示的是本机缓存的目录', timeLimit: '承诺时限 {{days}} 个工作日', back: '返回' },
  card: { read: '已读取证件', type_resident: '居民身份证', type_hmt_permit: '港澳台居民居住证', type_foreigner_2017: '外国人永久居留身份证（2017版）', type_foreigner_2023: '外国人永久居留身份证（2023版）', expired: '证件已过期', removed: '证件已取走' },
  submit: { action: '提交申请', sending: '正在提交…', accepted: '已受理', number: '受理编号', password: '查询密码', offline: '已提交，待受理', tracking: '本机跟踪码', finish: '完成' },
  admin: { title: '设备维护', devices: '设备状态', pin: '维护密码', enter: '进入', logout: '退出维护', status: '状态', required: '必需', optional: '可选', lastError: '最近错误', counters: '计数' },
  counter: { title: '综合窗口受理', login: '窗口人员登录', staffId: '工号', password: '密码', signIn: '登录', comingSoon: '窗口受理功能将在此处提供。' },
  sim: { title: '模拟设备（开发用）', place: '放卡', remove: '取卡' },
  status: { online: '正常', offline: '离线', noDevice: '未连接', hardwareError: '硬件故障', userError: '需处理', busy: '忙', starting: '启动中' },
};
