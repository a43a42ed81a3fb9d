import { FormField, INPUT_CLASSES } from '../../../components/FormField.tsx';
import { splitList } from '../../../components/forms/formValidation.ts';
import { EndpointAccessFields } from '../forms/EndpointAccessFields.tsx';
import type { CreateClusterForm } from './createClusterForm.ts';

const count = (text: string, noun: string) => {
  const items = splitList(text).length;
  return items === 0 ? '' : ` (${items} ${noun}${items === 1 ? '' : 's'})`;
};

/** Step 2: the cluster IAM role, the VPC subnets and security groups, endpoint access. */
export function AccessStep({
  form,
  update,
  errorOf,
}: {
  form: CreateClusterForm;
  update: (change: Partial<CreateClusterForm>) => void;
  /** The message to show for a request path, if any. */
  errorOf: (path: string) => string | undefined;
}) {
  return (
    <div className="flex flex-col gap-4">
      <FormField
        label="Cluster IAM role ARN"
        error={errorOf('roleArn')}
        hint="The role EKS uses to manage AWS resources for the cluster; it must trust eks.amazonaws.com."
      >
        {(control) => (
          <input
            {...control}
            className={`${INPUT_CLASSES} font-mono`}
            placeholder="arn:aws:iam::111111111111:role/eks-cluster-role"
            value={form.roleArn}
            onChange={(event) => update({ roleArn: event.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </FormField>
      <FormField
        label="Subnet IDs"
        error={errorOf('subnetIds')}
        hint={`At least two, in different Availability Zones; one per line or separated by commas${count(form.subnetIds, 'subnet')}.`}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            className={`${INPUT_CLASSES} h-auto py-1.5 font-mono`}
            placeholder={'subnet-0aaa1111\nsubnet-0bbb2222'}
            value={form.subnetIds}
            onChange={(event) => update({ subnetIds: event.target.value })}
            spellCheck={false}
          />
        )}
      </FormField>
      <FormField
        label="Security group IDs (optional)"
        error={errorOf('securityGroupIds')}
        hint={`Up to five, for the network interfaces EKS puts in your subnets; EKS adds its own cluster security group${count(form.securityGroupIds, 'group')}.`}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            className={`${INPUT_CLASSES} h-auto py-1.5 font-mono`}
            placeholder="sg-0ccc3333"
            value={form.securityGroupIds}
            onChange={(event) => update({ securityGroupIds: event.target.value })}
            spellCheck={false}
          />
        )}
      </FormField>
      <EndpointAccessFields
        mode={form.endpointMode}
        cidrs={form.publicAccessCidrs}
        onModeChange={(endpointMode) => update({ endpointMode })}
        onCidrsChange={(publicAccessCidrs) => update({ publicAccessCidrs })}
        errorOf={(path) => errorOf(`endpoint.${path}`)}
      />
    </div>
  );
}
