import { AwsError } from '../../awsError.ts';
import type {
  LaunchTemplateRecord,
  LaunchTemplateVersion,
} from '../../world/ec2/autoScalingTypes.ts';
import { resolveTemplateVersion } from '../../world/ec2/launchTemplates.ts';
import type { RegionState, World } from '../../world/world.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements } from './ec2Protocol.ts';
import { tagItems } from './instanceWire.ts';

/**
 * DescribeLaunchTemplates and DescribeLaunchTemplateVersions over the
 * templates of node groups and self-managed groups. Versions show what a
 * posture check reads: MetadataOptions.HttpTokens and the network
 * interface's AssociatePublicIpAddress.
 */

const templatesOf = (world: World, state: RegionState) =>
  world.autoScaling.launchTemplates(state.accountId, state.region);

const latestOf = (template: LaunchTemplateRecord) =>
  template.versions[template.versions.length - 1]!.versionNumber;

export function describeLaunchTemplates(
  world: World,
  state: RegionState,
  params: Record<string, string>,
): Ec2Elements {
  const ids = queryList(params, 'LaunchTemplateId', 'ec2');
  const names = queryList(params, 'LaunchTemplateName', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults, 1, 200);
  let templates = templatesOf(world, state);
  const missingId = ids.find((id) => !templates.some((template) => template.id === id));
  if (missingId) {
    throw new AwsError(
      'InvalidLaunchTemplateId.NotFound',
      400,
      `The specified launch template, with template ID ${missingId}, does not exist.`,
    );
  }
  if (names.some((name) => !templates.some((template) => template.name === name))) {
    throw new AwsError(
      'InvalidLaunchTemplateName.NotFoundException',
      400,
      'At least one of the launch templates specified in the request does not exist.',
    );
  }
  if (ids.length > 0) templates = templates.filter((template) => ids.includes(template.id));
  if (names.length > 0) templates = templates.filter((template) => names.includes(template.name));
  const filtered = applyFilters(
    templates,
    ec2Filters(params),
    {
      'launch-template-name': (template) => [template.name],
      'create-time': (template) => [template.createdAt.toISOString()],
    },
    (template) => template.tags ?? {},
  );
  const page = keysetPage(
    filtered,
    (template) => template.id,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    [
      'launchTemplates',
      {
        items: page.items.map((template): Ec2Elements => [
          ['launchTemplateId', template.id],
          ['launchTemplateName', template.name],
          ['createTime', template.createdAt],
          ['createdBy', template.createdBy],
          ['defaultVersionNumber', template.defaultVersion],
          ['latestVersionNumber', latestOf(template)],
          [
            'tagSet',
            template.tags && Object.keys(template.tags).length > 0
              ? tagItems(template.tags)
              : undefined,
          ],
        ]),
      },
    ],
    ['nextToken', page.nextToken],
  ];
}

function templateData(version: LaunchTemplateVersion): Ec2Elements {
  const groups = version.securityGroupIds;
  const onInterface = version.networkInterface;
  return [
    ['iamInstanceProfile', [['arn', version.iamInstanceProfileArn]]],
    [
      'blockDeviceMappingSet',
      version.rootVolume
        ? {
            items: [
              [
                ['deviceName', version.rootVolume.deviceName],
                [
                  'ebs',
                  [
                    ['deleteOnTermination', true],
                    ['volumeSize', version.rootVolume.sizeGiB],
                    ['volumeType', version.rootVolume.volumeType],
                  ],
                ],
              ],
            ],
          }
        : undefined,
    ],
    [
      'networkInterfaceSet',
      onInterface
        ? {
            items: [
              [
                ['associatePublicIpAddress', onInterface.associatePublicIpAddress],
                ['deleteOnTermination', true],
                ['deviceIndex', 0],
                ['groupSet', { items: groups, itemName: 'groupId' }],
              ],
            ],
          }
        : undefined,
    ],
    ['imageId', version.imageId],
    ['instanceType', version.instanceType],
    ['securityGroupIdSet', onInterface ? undefined : { items: groups }],
    [
      'metadataOptions',
      version.metadataOptions
        ? [
            ['state', 'applied'],
            ['httpTokens', version.metadataOptions.httpTokens],
            ['httpPutResponseHopLimit', version.metadataOptions.httpPutResponseHopLimit],
            ['httpEndpoint', 'enabled'],
            ['httpProtocolIpv6', 'disabled'],
            ['instanceMetadataTags', 'disabled'],
          ]
        : undefined,
    ],
  ];
}

/** Which versions a request names: '$Latest', '$Default' or numbers; every version when none. */
function selectVersions(
  template: LaunchTemplateRecord,
  requested: string[],
  params: Record<string, string>,
): LaunchTemplateVersion[] {
  let versions: LaunchTemplateVersion[];
  if (requested.length === 0) versions = [...template.versions];
  else {
    versions = requested.map((name) => {
      const version = resolveTemplateVersion(template, name);
      if (!version) {
        throw new AwsError(
          'InvalidLaunchTemplateId.VersionNotFound',
          400,
          `Could not find launch template version ${name} for launch template ${template.id}`,
        );
      }
      return version;
    });
  }
  const min = params.MinVersion !== undefined ? Number(params.MinVersion) : -Infinity;
  const max = params.MaxVersion !== undefined ? Number(params.MaxVersion) : Infinity;
  return versions.filter((version) => version.versionNumber >= min && version.versionNumber <= max);
}

export function describeLaunchTemplateVersions(
  world: World,
  state: RegionState,
  params: Record<string, string>,
): Ec2Elements {
  const { LaunchTemplateId: id, LaunchTemplateName: name } = params;
  const requested = queryList(params, 'LaunchTemplateVersion', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults, 1, 200);
  if (id !== undefined && name !== undefined) {
    throw ec2Errors.invalidParameterCombination(
      'Either a launch template ID or a launch template name must be specified in the request, but not both.',
    );
  }
  let templates = templatesOf(world, state);
  if (id !== undefined || name !== undefined) {
    const template = templates.find((candidate) =>
      id !== undefined ? candidate.id === id : candidate.name === name,
    );
    if (!template) {
      throw id !== undefined
        ? new AwsError(
            'InvalidLaunchTemplateId.NotFound',
            400,
            `The specified launch template, with template ID ${id}, does not exist.`,
          )
        : new AwsError(
            'InvalidLaunchTemplateName.NotFoundException',
            400,
            `The specified launch template, with template name ${name}, does not exist.`,
          );
    }
    templates = [template];
  } else if (
    requested.length === 0 ||
    requested.some((version) => version !== '$Latest' && version !== '$Default')
  ) {
    // Across every template only the aliases make sense, as EC2 insists.
    throw ec2Errors.invalidParameterCombination(
      'A launch template ID or name is required unless the versions are $Latest or $Default.',
    );
  }
  const rows = templates.flatMap((template) =>
    selectVersions(template, requested, params).map((version) => ({ template, version })),
  );
  const unique = [
    ...new Map(
      rows.map((row) => [`${row.template.id}:${row.version.versionNumber}`, row]),
    ).values(),
  ];
  const filtered = applyFilters(
    unique,
    ec2Filters(params),
    {
      'image-id': (row) => [row.version.imageId],
      'instance-type': (row) => [row.version.instanceType],
      'iam-instance-profile': (row) => [row.version.iamInstanceProfileArn],
      'is-default-version': (row) => [
        String(row.version.versionNumber === row.template.defaultVersion),
      ],
      'metadata-options.http-tokens': (row) => [row.version.metadataOptions?.httpTokens],
      'network-interface.associate-public-ip-address': (row) => [
        row.version.networkInterface
          ? String(row.version.networkInterface.associatePublicIpAddress)
          : undefined,
      ],
    },
    () => ({}),
  );
  // Newest first within a template, as EC2 lists them.
  const key = (row: (typeof filtered)[number]) =>
    `${row.template.id}:${String(1e9 - row.version.versionNumber).padStart(10, '0')}`;
  const page = keysetPage(filtered, key, { size: maxResults, token: params.NextToken }, () =>
    ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    [
      'launchTemplateVersionSet',
      {
        items: page.items.map(({ template, version }): Ec2Elements => [
          ['launchTemplateId', template.id],
          ['launchTemplateName', template.name],
          ['versionNumber', version.versionNumber],
          ['versionDescription', version.versionDescription],
          ['createTime', version.createdAt],
          ['createdBy', template.createdBy],
          ['defaultVersion', version.versionNumber === template.defaultVersion],
          ['launchTemplateData', templateData(version)],
        ]),
      },
    ],
    ['nextToken', page.nextToken],
  ];
}
