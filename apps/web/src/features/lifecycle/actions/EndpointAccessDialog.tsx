import { useState } from 'react';
import { UpdateEndpointAccessRequest, type ClusterDetail } from '@wheelhouse/contract';
import { useUpdateEndpointAccess } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from '../../../components/Dialog.tsx';
import { serverFieldErrors } from '../../../components/forms/formValidation.ts';
import { useChangeSubmit, validateChange } from '../../../components/forms/useChangeSubmit.ts';
import { SubmitError } from '../../../components/SubmitError.tsx';
import { ENDPOINT_MODES, endpointAccessOf, endpointModeOf } from '../forms/endpointAccess.ts';
import { EndpointAccessFields } from '../forms/EndpointAccessFields.tsx';
import { refOf } from './clusterRef.ts';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((item, index) => item === [...b].sort()[index]);

/** Endpoint access: public, private or both, and the CIDR blocks allowed to the public endpoint. */
export function EndpointAccessDialog({
  cluster,
  onClose,
  onDone,
}: {
  cluster: ClusterDetail;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  const mutation = useUpdateEndpointAccess(refOf(cluster));
  const [mode, setMode] = useState(endpointModeOf(cluster));
  const [cidrs, setCidrs] = useState<string[]>(cluster.networking.publicAccessCidrs);
  const payload = { endpoint: endpointAccessOf(mode, cidrs) };
  const check = validateChange(UpdateEndpointAccessRequest, payload);
  const { formRef, submitted, submit } = useChangeSubmit<typeof payload>((body) =>
    mutation.mutate(body, {
      onSuccess: (result) =>
        onDone({
          text: `Changing endpoint access of ${cluster.name} to ${ENDPOINT_MODES.find((option) => option.mode === mode)?.label.toLowerCase()}.`,
          doneText: `Endpoint access of ${cluster.name} changed.`,
          subject: { kind: 'cluster', name: cluster.name },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
    }),
  );
  const unchanged =
    mode === endpointModeOf(cluster) &&
    sameList(
      payload.endpoint.publicAccessCidrs ?? [],
      mode === 'private' ? [] : cluster.networking.publicAccessCidrs,
    );
  const clientErrors = check.ok || !submitted ? {} : check.errors;
  const serverErrors = serverFieldErrors(mutation.error);
  const errorOf = (path: string) =>
    clientErrors[`endpoint.${path}`] ?? serverErrors[`endpoint.${path}`];

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Endpoint access"
      description="Who can reach the cluster's Kubernetes API server. EKS applies the change in a few minutes; the cluster shows UPDATING meanwhile."
      size="lg"
      busy={mutation.isPending}
    >
      <form
        ref={formRef}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!unchanged && !mutation.isPending) submit(payload, check.ok);
        }}
      >
        <EndpointAccessFields
          mode={mode}
          cidrs={cidrs}
          onModeChange={setMode}
          onCidrsChange={setCidrs}
          errorOf={errorOf}
        />
        {mode === 'private' && (
          <p className="rounded-md border border-warning-line bg-warning-bg px-3 py-2 text-warning-fg">
            With a private endpoint only, this console and kubectl reach the cluster only from
            inside the VPC or a network connected to it.
          </p>
        )}
        {mutation.isError && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          label="Save endpoint access"
          pendingLabel="Saving…"
          disabled={unchanged}
        />
      </form>
    </Dialog>
  );
}
