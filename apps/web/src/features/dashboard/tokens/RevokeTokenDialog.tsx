import type { DashboardToken } from '@wheelhouse/contract';
import { useRevokeDashboardToken } from '../../../api/dashboard.ts';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { SubmitError } from '../../../components/SubmitError.tsx';

/** Confirm revoking a token: screens using it lose the dashboard at their next refresh. */
export function RevokeTokenDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: DashboardToken;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const revoke = useRevokeDashboardToken();
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Revoke dashboard token"
      busy={revoke.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!revoke.isPending) revoke.mutate(token.id, { onSuccess: onRevoked });
        }}
      >
        <p>
          Screens using <strong>{token.name}</strong> lose the dashboard at their next refresh
          (within 30 seconds) and show the sign-in page. This cannot be undone; create a new token
          to replace it.
        </p>
        {revoke.isError && <SubmitError error={revoke.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={revoke.isPending}
          label="Revoke token"
          pendingLabel="Revoking…"
          tone="danger"
        />
      </form>
    </Dialog>
  );
}
