// CTC greedy decoding of the recogniser's output and PP-OCR's character dictionary. The rec model's
// classes are: 0 = CTC blank, 1..N = the dictionary's lines in order, N+1 = space (use_space_char).
import { readFile } from 'node:fs/promises';

export interface Dictionary {
  /** Index = class id; [0] is the blank (''), the last is ' '. */
  classes: readonly string[];
}

export function parseDictionary(text: string): Dictionary {
  const keys = text.split(/\r?\n/u);
  if (keys.at(-1) === '') keys.pop();
  return { classes: ['', ...keys, ' '] };
}

export async function loadDictionary(file: string): Promise<Dictionary> {
  return parseDictionary(await readFile(file, 'utf8'));
}

export interface DecodedLine {
  text: string;
  /** Mean probability of the kept characters, 0..1 (0 for an empty line). */
  confidence: number;
}

/**
 * Greedy CTC: the best class per time step, repeats merged, blanks dropped. `probs` holds `steps` rows of
 * `classes` values (one batch item of the [batch, steps, classes] softmax output) starting at `offset`.
 */
export function ctcGreedyDecode(probs: Float32Array, steps: number, classes: number, dict: Dictionary, offset = 0): DecodedLine {
  if (dict.classes.length !== classes) throw new RangeError(`dictionary has ${dict.classes.length} classes, model ${classes}`);
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dict.classes[best]!;
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}
