import { useEffect, useRef } from 'react';
import type { CreatedDashboardToken } from '@wheelhouse/contract';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { formatDateTime } from '../../../components/dateFormat.ts';
import { AlertIcon } from '../../../components/Icons.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { kioskUrl } from './tokenStatus.ts';

const mono = (text: string) => <code className="font-mono text-xs break-all">{text}</code>;

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
      <div
        role="note"
        aria-label="Shown only once"
        className="flex gap-3 rounded-lg border border-warning-line bg-warning-bg px-4 py-3 text-warning-fg"
      >
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong>The token and its URLs are shown only once.</strong> Copy them now; Wheelhouse
          keeps only a hash. Open the URL on the wall screen: the token then leaves the address bar
          and the screen keeps a cookie until {formatDateTime(created.expiresAt)}.
        </p>
      </div>
      <KeyValueList
        label="New dashboard token"
        items={[
          {
            label: 'Token',
            value: (
              <span className="inline-flex flex-wrap items-center gap-1">
                {mono(created.token)}
                <CopyButton text={created.token} label="Copy token" />
              </span>
            ),
          },
          {
            label: 'Dashboard URL',
            value: (
              <span className="inline-flex flex-wrap items-center gap-1">
                {mono(created.url)}
                <CopyButton text={created.url} label="Copy dashboard URL" />
              </span>
            ),
          },
          {
            label: 'Kiosk URL',
            value: (
              <span className="inline-flex flex-wrap items-center gap-1">
                {mono(kiosk)}
                <CopyButton text={kiosk} label="Copy kiosk URL" />
              </span>
            ),
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
