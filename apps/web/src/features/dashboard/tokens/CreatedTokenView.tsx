import { useEffect, useRef } from 'react';
import type { CreatedDashboardToken } from '@wheelhouse/contract';
import { CopyableValue } from '../../../components/CopyableValue.tsx';
import { formatDateTime } from '../../../components/dateFormat.ts';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { ShownOnceNote } from '../../../components/ShownOnceNote.tsx';
import { kioskUrl } from './tokenStatus.ts';

/** A new token's secret and URLs, shown this once (only a hash is stored), with copy buttons. */
export function CreatedTokenView({
  created,
  onDone,
}: {
  created: CreatedDashboardToken;
  onDone: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const kiosk = kioskUrl(created.url);
  return (
    <section
      aria-labelledby="created-token-title"
      className="card flex flex-col gap-4 border-success-line p-4"
    >
      <h2
        id="created-token-title"
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold"
      >
        Token “{created.name}” created
      </h2>
      <ShownOnceNote>
        <strong>The token and its URLs are shown only once.</strong> Copy them now; Wheelhouse keeps
        only a hash. Open the URL on the wall screen: the token then leaves the address bar and the
        screen keeps a cookie until {formatDateTime(created.expiresAt)}.
      </ShownOnceNote>
      <KeyValueList
        label="New dashboard token"
        items={[
          {
            label: 'Token',
            value: <CopyableValue text={created.token} copyLabel="Copy token" />,
          },
          {
            label: 'Dashboard URL',
            value: <CopyableValue text={created.url} copyLabel="Copy dashboard URL" />,
          },
          {
            label: 'Kiosk URL',
            value: <CopyableValue text={kiosk} copyLabel="Copy kiosk URL" />,
          },
          { label: 'Expires', value: formatDateTime(created.expiresAt) },
        ]}
      />
      <div>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
