import type { ClusterRef, ObjectResource } from '@wheelhouse/contract';
import { useObjectDetail } from '../../../api/objects.ts';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { KubeErrorPanel } from '../KubeErrorPanel.tsx';
import { PartErrors } from './ObjectPage.tsx';
import { OwnershipSection } from './OwnershipSection.tsx';
import { YamlView } from './YamlView.tsx';

/**
 * One part of an object's detail for a page that has its own view of the object (the pod page):
 * its YAML, or its ownership. Read only while shown.
 */
export function ObjectDetailPanel({
  clusterRef,
  resource,
  namespace,
  name,
  part,
}: {
  clusterRef: ClusterRef;
  resource: ObjectResource;
  namespace: string | undefined;
  name: string;
  part: 'yaml' | 'ownership';
}) {
  const detail = useObjectDetail(clusterRef, resource, namespace, name);
  if (detail.isPending) return <LoadingState label={`Loading ${name}…`} />;
  if (!detail.data) {
    return (
      <KubeErrorPanel
        error={detail.error}
        what={name}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <PartErrors detail={detail.data} />
      {part === 'yaml' ? (
        <YamlView
          yaml={detail.data.yaml}
          managedFieldsYaml={detail.data.managedFieldsYaml}
          managedFieldsCount={detail.data.managedFieldsCount}
        />
      ) : (
        <OwnershipSection clusterRef={clusterRef} detail={detail.data} />
      )}
    </div>
  );
}
