import { UpdateEndpointAccessRequest, type ClusterDetail } from '@wheelhouse/contract';
import { useUpdateEndpointAccess } from '../../../api/lifecycle.ts';
import type { ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { ChangeFormDialog } from '../../../components/forms/ChangeFormDialog.tsx';
import { useChangeForm } from '../../../components/forms/useChangeForm.ts';
import {
  ENDPOINT_MODES,
  endpointAccessOf,
  endpointModeOf,
  type EndpointMode,
} from '../forms/endpointAccess.ts';
import { EndpointAccessFields } from '../forms/EndpointAccessFields.tsx';
import { refOf } from './clusterRef.ts';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((item, index) => item === [...b].sort()[index]);

/** The dialog's fields: the mode and the CIDR blocks as typed. */
interface EndpointFormValues {
  mode: EndpointMode;
  cidrs: string[];
}

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
  const { form, errorOf, submitted, onSubmit } = useChangeForm(
    UpdateEndpointAccessRequest,
    mutation,
    {
      defaultValues: {
        mode: endpointModeOf(cluster),
        cidrs: cluster.networking.publicAccessCidrs,
      },
      toRequest: (values: EndpointFormValues) => ({
        endpoint: endpointAccessOf(values.mode, values.cidrs),
      }),
    },
  );
  const [mode, cidrs] = form.watch(['mode', 'cidrs']);
  // Once a save was tried, messages follow the edits.
  const change = (values: Partial<EndpointFormValues>) => {
    for (const [name, value] of Object.entries(values)) {
      form.setValue(name as keyof EndpointFormValues, value, { shouldDirty: true });
    }
    if (submitted) void form.trigger();
  };
  const wanted = endpointAccessOf(mode, cidrs);
  const unchanged =
    mode === endpointModeOf(cluster) &&
    sameList(
      wanted.publicAccessCidrs ?? [],
      mode === 'private' ? [] : cluster.networking.publicAccessCidrs,
    );

  return (
    <ChangeFormDialog
      title="Endpoint access"
      description="Who can reach the cluster's Kubernetes API server. EKS applies the change in a few minutes; the cluster shows UPDATING meanwhile."
      size="lg"
      mutation={mutation}
      onClose={onClose}
      onSubmit={onSubmit((result) =>
        onDone({
          text: `Changing endpoint access of ${cluster.name} to ${ENDPOINT_MODES.find((option) => option.mode === mode)?.label.toLowerCase()}.`,
          doneText: `Endpoint access of ${cluster.name} changed.`,
          subject: { kind: 'cluster', name: cluster.name },
          ...(result.update ? { updateId: result.update.id } : {}),
        }),
      )}
      submitLabel="Save endpoint access"
      pendingLabel="Saving…"
      disabled={unchanged}
    >
      <EndpointAccessFields
        mode={mode}
        cidrs={cidrs}
        onModeChange={(next) => change({ mode: next })}
        onCidrsChange={(next) => change({ cidrs: next })}
        errorOf={(path) => errorOf(`endpoint.${path}`)}
      />
      {mode === 'private' && (
        <p className="rounded-md border border-warning-line bg-warning-bg px-3 py-2 text-warning-fg">
          With a private endpoint only, this console and kubectl reach the cluster only from inside
          the VPC or a network connected to it.
        </p>
      )}
    </ChangeFormDialog>
  );
}
