// Counter screens' strings (namespace 'counter'): zh-CN is the default, en the switch. Keep both in step.
export const counterZh = {};
export const counterEn: { [K in keyof typeof counterZh]: string } = {};
