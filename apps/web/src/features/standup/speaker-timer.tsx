import { useEffect, useState } from 'react';

const clock = (seconds: number) =>
  `${Math.floor(Math.abs(seconds) / 60)}:${String(Math.abs(seconds) % 60).padStart(2, '0')}`;

/**
 * A countdown for the person (or column) being talked about; it starts again whenever the turn changes (the
 * parent keys it by turn). Over time it says so in words as well as colour.
 */
export function SpeakerTimer({ minutes }: { minutes: number }) {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = minutes * 60 - Math.floor((now - started) / 1000);
  return (
    <p className={`speaker-timer${left < 0 ? ' over' : ''}`} role="timer" aria-label="Time for this turn">
      {left >= 0 ? `${clock(left)} left` : `${clock(left)} over time`}
    </p>
  );
}
