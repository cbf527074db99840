import { useMemo } from 'react';
import { SelectField } from './Field.tsx';

/** Every IANA zone the browser knows, with the current one first if the browser lacks it. */
function zonesWith(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  hint: string;
}

/** A labelled picker of IANA time zones ("Europe/Amsterdam" shown as "Europe/Amsterdam"). */
export function TimeZoneField({ value, onChange, error, hint }: TimeZoneFieldProps) {
  const zones = useMemo(() => zonesWith(value), [value]);
  return (
    <SelectField label="Time zone" error={error} hint={hint} value={value} onChange={onChange}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SelectField>
  );
}
