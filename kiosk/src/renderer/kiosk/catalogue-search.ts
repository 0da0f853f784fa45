// Catalogue search on the kiosk: Chinese, full or initial pinyin (with or without spaces and tones, ü as v), a mix
// of both, the English name or the code, best match first. The matcher is core's (contract/catalogue-search).
export { searchCatalogue } from '@easydo/core/contract/catalogue-search';
