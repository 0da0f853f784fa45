// Volume of the voice guidance, next to 朗读本页 / 停止朗读: three toggle buttons in a labelled group, so each
// step is one large tap and a screen reader announces which one is on (aria-pressed).
import type { TFunction } from 'i18next';
import { VOLUME_LEVELS, type VolumeLevel } from '@easydo/core/ui/speech-volume';

export interface VolumeControlProps {
  value: VolumeLevel;
  onChange(level: VolumeLevel): void;
  t: TFunction<'journey'>;
}

export function VolumeControl({ value, onChange, t }: VolumeControlProps) {
  return (
    <div className="volume-control" role="group" aria-labelledby="volume-label" data-testid="volume-control" data-volume={value}>
      <span id="volume-label" className="volume-label">
        {t('volume.label')}
      </span>
      {VOLUME_LEVELS.map((level) => (
        <button key={level} type="button" className="btn btn-secondary" data-testid={`volume-${level}`} aria-pressed={value === level} onClick={() => onChange(level)}>
          {t(`volume.${level}`)}
        </button>
      ))}
    </div>
  );
}
