import { AwsError } from '../../awsError.ts';
import { seededRandom } from '../../world/random.ts';
import type { RegionState } from '../../world/world.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements } from './ec2Protocol.ts';
import { tagItems } from './instanceWire.ts';

/** DescribeVpcs: the one VPC of each account-region (not a default VPC: EKS clusters live in it). */

export function describeVpcs(state: RegionState, params: Record<string, string>): Ec2Elements {
  const ids = queryList(params, 'VpcId', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults);
  const { network } = state;
  const missing = ids.filter((id) => id !== network.vpcId);
  if (missing.length > 0) {
    throw new AwsError(
      'InvalidVpcID.NotFound',
      400,
      missing.length === 1
        ? `The vpc ID '${missing[0]}' does not exist`
        : `The vpc IDs '${missing.join(', ')}' do not exist`,
    );
  }
  const random = seededRandom(`vpc-details:${state.accountId}:${state.region}`);
  const vpc = {
    dhcpOptionsId: `dopt-0${random.hex(16)}`,
    associationId: `vpc-cidr-assoc-0${random.hex(16)}`,
    tags: { Name: `wheelhouse-${state.region}` },
  };
  const filtered = applyFilters(
    [network],
    ec2Filters(params),
    {
      'vpc-id': (it) => [it.vpcId],
      'cidr-block': (it) => [it.cidrBlock],
      cidr: (it) => [it.cidrBlock],
      'cidr-block-association.cidr-block': (it) => [it.cidrBlock],
      'dhcp-options-id': () => [vpc.dhcpOptionsId],
      'is-default': () => ['false'],
      'owner-id': () => [state.accountId],
      state: () => ['available'],
    },
    () => vpc.tags,
  );
  const page = keysetPage(
    filtered,
    (it) => it.vpcId,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    [
      'vpcSet',
      {
        items: page.items.map((it): Ec2Elements => [
          ['vpcId', it.vpcId],
          ['ownerId', state.accountId],
          ['state', 'available'],
          ['cidrBlock', it.cidrBlock],
          [
            'cidrBlockAssociationSet',
            {
              items: [
                [
                  ['associationId', vpc.associationId],
                  ['cidrBlock', it.cidrBlock],
                  ['cidrBlockState', [['state', 'associated']]],
                ],
              ],
            },
          ],
          ['dhcpOptionsId', vpc.dhcpOptionsId],
          ['instanceTenancy', 'default'],
          ['isDefault', false],
          ['blockPublicAccessStates', [['internetGatewayBlockMode', 'off']]],
          ['tagSet', tagItems(vpc.tags)],
        ]),
      },
    ],
    ['nextToken', page.nextToken],
  ];
}
