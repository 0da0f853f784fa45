// admin screens' strings (namespace 'admin'): zh-CN is the default, en the switch. Keep both in step.
export const adminZh = {};
export const adminEn: { [K in keyof typeof adminZh]: string } = {};
