// Words the on-screen pinyin keyboard offers whole, so a resident types 深圳 as "shenzhen" (or "sz") instead of
// hunting two characters. Chosen for what people write on our screens: addresses in Shenzhen, the words of
// service forms, family relations and occupations, and the reasons and comments of 好差评. Written for this
// project (no external word list: a general-purpose dictionary would bury these under words nobody types here).
// Earlier groups rank first among words that match the same letters. Readings come from pinyin-pro at start-up,
// which reads polyphonic characters in context (银行 yin-hang, 重庆 chong-qing).

const PLACES = `
深圳 深圳市 广东 广东省 中国 香港 澳门 台湾 北京 上海 广州 东莞 惠州 珠海 佛山 中山 汕头 湛江 江门 肇庆 清远 韶关
梅州 河源 汕尾 潮州 揭阳 茂名 阳江 云浮 湖南 湖北 江西 广西 福建 四川 重庆 河南 河北 山东 山西 陕西 安徽 江苏 浙江
贵州 云南 海南 辽宁 吉林 黑龙江 内蒙古 新疆 西藏 宁夏 甘肃 青海 天津 长沙 武汉 南昌 南宁 福州 厦门 成都 郑州 杭州
南京 济南 合肥 西安 昆明 贵阳 海口 沈阳 长春 哈尔滨
福田区 罗湖区 南山区 宝安区 龙岗区 盐田区 龙华区 坪山区 光明区 大鹏新区 前海 深汕
福田 罗湖 南山 宝安 龙岗 盐田 龙华 坪山 光明 大鹏
园岭 南园 沙头 香蜜湖 莲花 华富 福保 华强北 梅林 上沙 下沙 车公庙 皇岗 岗厦 景田 石厦
桂园 黄贝 东门 翠竹 南湖 笋岗 东湖 莲塘 东晓 清水河 罗湖口岸 国贸
南头 沙河 蛇口 招商 粤海 桃源 西丽 科技园 后海 华侨城 前海湾 大学城
新安 西乡 航城 福永 福海 沙井 新桥 松岗 燕罗 石岩
平湖 坂田 布吉 南湾 横岗 园山 龙城 宝龙 坪地 吉华 大运 双龙
观湖 民治 大浪 福城 观澜
马峦 碧岭 石井 坑梓 龙田
公明 新湖 凤凰 玉塘 马田
梅沙 沙头角 海山 大梅沙 小梅沙
南澳 葵涌
深南大道 北环大道 滨海大道 宝安大道 龙岗大道 布龙路 梅观路 红荔路 华强路 彩田路 新洲路 皇岗路
`;

const ADDRESS = `
街道 社区 小区 花园 大厦 公寓 宿舍 新村 村委会 居委会 工业区 工业园 产业园 广场 中心 商业中心 城中村 家园 名苑 山庄
大道 路口 单元 楼层 房间 楼栋 栋号 房号 门牌 门牌号 地址 住址 详细地址 户籍地址 居住地址 现住址 通讯地址 邮编
东区 西区 南区 北区 一期 二期 三期 东门 西门 南门 北门 对面 旁边 附近 地铁站 公交站
`;

const FORMS = `
申请 申请人 办理 办事 业务 事项 材料 证明 证件 身份证 居民身份证 户口 户口簿 户籍 居住证 港澳 通行证 护照 永久居留
营业执照 租赁合同 租赁 合同 结婚证 离婚证 出生证明 出生 死亡 死亡证明 准生证 独生子女 计划生育
社保 社会保险 医保 医疗保险 公积金 住房公积金 养老 养老保险 退休 退休金 失业 失业保险 就业 创业 补贴 津贴 补助 救助
低保 残疾 残疾人 残疾证 老年人 老人 高龄 长者 儿童 学生 学校 幼儿园 小学 中学 初中 高中 大学 入学 学位 转学 教育
医院 卫生 健康 体检 疫苗 接种 生育 孕妇 驾驶证 车辆 机动车 停车 交通 违章 罚款 房屋 住房 租房 购房 房产 不动产
产权 房产证 公司 有限公司 有限责任公司 个体 个体工商户 工商 注册 登记 变更 注销 年报 税务 纳税 发票 银行 账户 银行卡
转账 费用 缴费 退费 收费 免费 手续 手续费 预约 咨询 投诉 举报 建议 法律 律师 法律援助 调解 纠纷 劳动 劳动合同 工资
欠薪 加班 工伤 仲裁 赔偿 补偿 退役军人 优待 优抚 志愿者 核酸 居住 居住登记 迁入 迁出 迁移 落户 入户 随迁 人才
人才引进 积分 居住年限 证明材料 复印件 原件 照片 签名 签字 盖章 公章 印章 委托书 授权书 承诺书 申请表 表格 受理
回执 审核 审批 进度 查询 结果 通过 不通过 补正 补交 退回 领取 邮寄 快递 自取 窗口 柜台 大厅 服务中心 政务服务
党群服务中心 市民 居民 群众 办事员 工作人员 网上 线上 线下 自助 终端 二维码 扫码 短信 验证码
`;

const PEOPLE = `
本人 父亲 母亲 父母 配偶 丈夫 妻子 儿子 女儿 子女 孩子 兄弟 姐妹 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 外公 外婆 祖父 祖母
孙子 孙女 外孙 亲属 家属 家人 家庭 监护人 代理人 委托人 法定代表人 联系人 紧急联系人 朋友 同事 邻居 房东 租户 业主
职工 员工 工人 农民 教师 老师 医生 护士 司机 厨师 保安 保洁 快递员 外卖 销售 会计 工程师 程序员 设计师 经理 老板
自由职业 退休人员 无业 待业 公务员 军人 个体户 企业 事业单位 机关 单位 工作单位
`;

const FEEDBACK = `
服务 态度 服务态度 很好 非常好 满意 不满意 非常满意 非常不满意 热情 耐心 不耐心 专业 不专业 效率 效率高 效率低 及时
等待 等待时间 时间太长 排队 排队时间 太久 太慢 很慢 很快 方便 不方便 快捷 流程 复杂 太复杂 简单 繁琐 清楚 不清楚
看不清 听不清 看不懂 不会用 不知道 机器 设备 故障 坏了 打印 打印机 没有纸 卡纸 屏幕 字太小 声音 太小 太大 反应慢
没反应 工作人员 解释 说明 指引 引导 帮助 帮忙 希望 改进 改善 提高 加快 增加 减少 谢谢 感谢 辛苦了 点赞 表扬 批评
问题 解决 没有解决 已经解决 重复 多次 跑腿 来回 一次 材料太多 要求 不合理 规定 政策 标准 告知 通知 提醒
`;

const EVERYDAY = `
我们 你们 他们 什么 怎么 为什么 因为 所以 但是 如果 可以 不可以 需要 不需要 已经 没有 还是 或者 以及 还有 一下
现在 今天 明天 昨天 上午 下午 晚上 中午 周末 工作日 时间 日期 年月日 星期一 星期二 星期三 星期四 星期五 星期六
星期日 小时 分钟 电话 手机 手机号 号码 联系 联系电话 联系方式 邮箱 微信 姓名 名字 性别 男性 女性 民族 汉族 国籍
出生日期 年龄 籍贯 职业 学历 原因 理由 情况 说明 其他 备注 信息 资料 文件 内容 详细 具体 注意 重要 紧急 正常
可能 应该 必须 一定 同意 不同意 确认 取消 修改 更正 错误 正确 完成 成功 失败 开始 结束 离开 回来 上班 下班 工作
生活 学习 身体 生病 住院 出院 搬家 结婚 离婚 怀孕 小孩 老家 外地 本地 深圳人 户口本 身份证号 手机号码
`;

/** Every word, most useful first; duplicates across groups kept at their first place. */
export function commonPhrases(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const group of [PLACES, ADDRESS, FORMS, PEOPLE, FEEDBACK, EVERYDAY]) {
    for (const word of group.split(/\s+/)) {
      if (word && !seen.has(word)) {
        seen.add(word);
        out.push(word);
      }
    }
  }
  return out;
}
