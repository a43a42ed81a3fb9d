import { formatDateTime } from '../../components/dateFormat.ts';
import { expiryCountdown } from '../../components/duration.ts';
import { useNow } from '../../components/useNow.ts';

/** A live "expires in 2 d 3 h" for a connector activation; red "expired … ago" once it lapsed. */
export function ActivationCountdown({ expiry }: { expiry: string }) {
  const now = useNow(1000);
  const { expired, text } = expiryCountdown(expiry, now);
  return (
    <time
      dateTime={expiry}
      title={`Activation expires ${formatDateTime(expiry)}`}
      className={`tabular-nums ${expired ? 'font-medium text-danger-fg' : ''}`}
    >
      {text}
    </time>
  );
}
