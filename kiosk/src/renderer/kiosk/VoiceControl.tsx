// One large 语音 control in the frame's bottom bar instead of a row of text buttons: it opens a small panel with
// 朗读本页, 停止朗读 and the volume (VolumeControl); the panel closes after reading starts.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { Volume2 } from 'lucide-react';
import type { VolumeLevel } from '@easydo/core/ui/speech-volume';
import { VolumeControl } from './VolumeControl';

export interface VoiceControlProps {
  volume: VolumeLevel;
  onVolume(level: VolumeLevel): void;
  onRead(): void;
  onStop(): void;
  t: TFunction<'journey'>;
}

export function VoiceControl({ volume, onVolume, onRead, onStop, t }: VoiceControlProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="voice">
      <button type="button" className="btn frame-btn" data-testid="voice" aria-expanded={open} aria-controls="voice-panel" onClick={() => setOpen((o) => !o)}>
        <Volume2 aria-hidden="true" className="icon" />
        <span>{t('frame:voice')}</span>
      </button>
      {open && (
        <div id="voice-panel" className="voice-panel" data-testid="voice-panel" role="group" aria-label={t('frame:voice')}>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="read-aloud"
            onClick={() => {
              onRead();
              setOpen(false);
            }}
          >
            {t('common.readAloud')}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="stop-reading" onClick={onStop}>
            {t('common.stopReading')}
          </button>
          <VolumeControl value={volume} onChange={onVolume} t={t} />
        </div>
      )}
    </div>
  );
}
