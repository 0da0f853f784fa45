// Strings of the app frame (top bar, admin PIN entry, developer panel): the default namespace. Each mode's screens
// keep their own namespace (journey, admin, counter).
export const zhCN = {
  app: { title: '易办事 自助服务终端', language: 'English', elder: '长辈模式', normal: '标准模式' },
  admin: { pin: '维护密码', operator: '工号（设有个人账号时填写）', enter: '进入', delete: '删除一位', clear: '清空' },
  catalogue: { back: '返回' },
  sim: { title: '模拟设备（开发用）', place: '放卡', placeUnreadable: '放一张读不出的卡', remove: '取卡' },
};
