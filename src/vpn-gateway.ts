import { TerraformOutput, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { VpnGateway as VpnGatewayResource } from './gen/vpn-gateway';
import { IpsecVpnConnection, IpsecVpnConnectionOptions, IpsecVpnConnectionProps } from './ipsec-vpn-connection';
import { addWarning } from './private/annotations';
import { throwIfInvalid } from './private/errors';
import { Fleet } from './private/fleet';
import { assertSameFramework } from './private/framework';
import { referenceKey } from './private/references';
import { validateGatewayAttributes, validateGatewayProps } from './private/rules/gateway';
import { supplyGateway, takeSuppliedGateway } from './private/supplied';
import { TunnelMode } from './tunnel';

/** Where a VPN gateway is reached from (API: `NetworkType`). */
export enum VpnGatewayNetworkType {
  /** A public VPN gateway: customer gateways connect over the internet. */
  PUBLIC = 'public',
  /** A private VPN gateway: customer gateways connect over a private network (Express Connect, CEN). */
  PRIVATE = 'private',
}

/** How a VPN gateway is billed (Terraform `payment_type`; API: `InstanceChargeType`). */
export enum VpnGatewayPaymentType {
  /** Billed by the hour (API: `POSTPAY`). */
  PAY_AS_YOU_GO = 'PayAsYouGo',
  /** Paid in advance for `subscriptionMonths` (API: `PREPAY`). Never deleted by `terraform destroy`. */
  SUBSCRIPTION = 'Subscription',
}

/** A VPN gateway: one built by {@link VpnGateway}, or an existing one imported by its attributes. */
export interface IVpnGateway extends IConstruct {
  /** The gateway's ID (a token for a gateway built here). */
  readonly gatewayId: string;

  /**
   * Single- or dual-tunnel: a gateway with a disaster-recovery vSwitch is dual-tunnel. Connections on
   * the gateway must have the same mode (rule `GATEWAY_MODE_MISMATCH`). An implementation of your own is
   * read once per connection; anything but a `TunnelMode` value counts as unknown.
   * @default - unknown: the connections' mode is not checked against the gateway
   */
  readonly tunnelMode?: TunnelMode;
}

/** The attributes of an existing VPN gateway, for {@link VpnGateway.fromGatewayAttributes}. */
export interface VpnGatewayAttributes {
  /** The gateway's ID, e.g. `vpn-bp1example`. */
  readonly gatewayId: string;

  /**
   * The gateway's tunnel mode, when known.
   * @default - unknown: connections on the gateway are not checked against it
   */
  readonly tunnelMode?: TunnelMode;
}

/** Properties of a {@link VpnGateway}. */
export interface VpnGatewayProps {
  /** ID of the VPC the gateway belongs to (API: `VpcId`). Changing it replaces the gateway. */
  readonly vpcId: string;

  /**
   * Maximum bandwidth in Mbit/s (API: `Bandwidth`). Public gateways: 5, 10, 20, 50, 100, 200, 500 or 1000
   * (5, 20 and 50 on the China site only; some regions stop at 500); private gateways: 200 or 1000.
   */
  readonly bandwidth: number;

  /**
   * vSwitch of the gateway (API: `VSwitchId`).
   * @default - Alibaba Cloud picks a vSwitch of the VPC
   */
  readonly vswitchId?: string;

  /**
   * A second vSwitch, in another zone, for the standby tunnel (API: `DisasterRecoveryVSwitchId`). Giving
   * it makes the gateway dual-tunnel; it requires `vswitchId`, and the two must differ.
   * @default - a single-tunnel gateway
   */
  readonly disasterRecoveryVswitchId?: string;

  /**
   * Name of the gateway (API: `Name`; Terraform `vpn_gateway_name`): 2–100 characters, starting with a
   * letter; letters, digits, `_`, `-` and `.` only.
   * @default - Alibaba Cloud names it after its ID
   */
  readonly name?: string;

  /**
   * Description (API: `Description`): 1–100 characters, not starting with `http://` or `https://`.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Public or private gateway (API: `NetworkType`). Changing it replaces the gateway.
   * @default VpnGatewayNetworkType.PUBLIC
   */
  readonly networkType?: VpnGatewayNetworkType;

  /**
   * Billing method. Changing it replaces the gateway.
   * @default VpnGatewayPaymentType.PAY_AS_YOU_GO
   */
  readonly paymentType?: VpnGatewayPaymentType;

  /**
   * Subscription length in months (API: `Period`): 1–9, 12, 24 or 36. Subscription gateways only.
   * @default 1 (for a subscription gateway)
   */
  readonly subscriptionMonths?: number;

  /**
   * Propagate the gateway's BGP routes to the VPC route table automatically (API: `AutoPropagate`).
   * @default - Alibaba Cloud's default (on)
   */
  readonly autoPropagate?: boolean;

  /**
   * Resource group of the gateway (API: `ResourceGroupId`).
   * @default - the account's default resource group
   */
  readonly resourceGroupId?: string;

  /**
   * Tags: at most 20; keys 1–64 characters, values up to 128; neither may start with `aliyun` or `acs:`
   * or contain `http://` or `https://`.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };

  /**
   * Make every connection and route entry on this gateway (within a stack) depend on the previous one,
   * by construct path, so that Terraform changes them one at a time. The API accepts one change per
   * gateway at a time (`VpnGateway.Configuring`, `VpnTask.CONFLICT`) and the provider gives up retrying
   * after 5 minutes; the price is an apply time that grows with the number of connections.
   * @default true
   */
  readonly serializeChanges?: boolean;

  /**
   * Create Terraform outputs for the gateway ID and its public IP addresses. Their names derive from
   * the construct path, so instances never collide.
   * @default true
   */
  readonly createOutputs?: boolean;
}

/**
 * An imported gateway: only its id (and, when given, its mode) is known.
 */
class ImportedVpnGateway extends Construct implements IVpnGateway {
  public readonly gatewayId: string;
  public readonly tunnelMode?: TunnelMode;

  constructor(scope: Construct, id: string, attrs: VpnGatewayAttributes) {
    super(scope, id);
    const checked = throwIfInvalid(
      this.node.path,
      'VpnGateway.fromGatewayAttributes',
      validateGatewayAttributes(attrs),
    );
    this.gatewayId = checked.gatewayId;
    this.tunnelMode = checked.tunnelMode;
    Fleet.of(this).addGateway({
      construct: this,
      reference: referenceKey(this, this.gatewayId),
      tunnelMode: this.tunnelMode,
      serializeChanges: true,
    });
  }
}

/**
 * An Alibaba Cloud VPN gateway (`alicloud_vpn_gateway`, construct id `Resource`), validated at synth
 * time. A gateway with `disasterRecoveryVswitchId` is dual-tunnel. Add connections with
 * {@link VpnGateway.addConnection}; by default their changes are serialized (`serializeChanges`).
 *
 * @example
 * const gateway = new VpnGateway(stack, 'Hub', { vpcId: 'vpc-bp1example', bandwidth: 200 });
 * const office = new CustomerGateway(stack, 'Office', { ipAddress: '203.0.113.10' });
 * gateway.addConnection('Office', {
 *   customerGateway: office,
 *   localSubnets: ['10.0.0.0/16'],
 *   remoteSubnets: ['192.168.0.0/16'],
 *   ikeConfig: { preSharedKey: psk.stringValue },
 * });
 */
export class VpnGateway extends Construct implements IVpnGateway {
  /** An existing gateway, by its ID (and its tunnel mode, when known). Creates no resource. */
  public static fromGatewayAttributes(scope: Construct, id: string, attrs: VpnGatewayAttributes): IVpnGateway {
    return new ImportedVpnGateway(scope, id, attrs);
  }

  /** The gateway's ID (a token for `alicloud_vpn_gateway.<name>.id`). */
  public readonly gatewayId: string;

  /**
   * Dual-tunnel exactly when `disasterRecoveryVswitchId` is given. Always set for a gateway built here
   * (optional in the type only because `IVpnGateway` leaves it unknown for imported gateways).
   */
  public readonly tunnelMode?: TunnelMode;

  /** The public IP address of the gateway (of its active tunnel, on a dual-tunnel gateway). */
  public readonly internetIp: string;

  /**
   * The public IP address of the standby tunnel of a dual-tunnel gateway.
   * @default - none: a single-tunnel gateway has one address
   */
  public readonly disasterRecoveryInternetIp?: string;

  /** The underlying `alicloud_vpn_gateway` (construct id `Resource`): the escape hatch. */
  public readonly resource: VpnGatewayResource;

  constructor(scope: Construct, id: string, props: VpnGatewayProps) {
    super(scope, id);
    assertSameFramework(this, 'VpnGateway');
    const result = validateGatewayProps(props);
    const p = throwIfInvalid(this.node.path, 'VpnGateway', result);
    if (result.warnings.length > 0) addWarning(this, result.warnings.join('\n'));

    const networkType = p.networkType ?? VpnGatewayNetworkType.PUBLIC;
    this.tunnelMode = p.disasterRecoveryVswitchId !== undefined ? TunnelMode.DUAL : TunnelMode.SINGLE;
    const paymentType = p.paymentType ?? VpnGatewayPaymentType.PAY_AS_YOU_GO;
    this.resource = new VpnGatewayResource(this, 'Resource', {
      vpcId: p.vpcId,
      bandwidth: p.bandwidth,
      vswitchId: p.vswitchId,
      disasterRecoveryVswitchId: p.disasterRecoveryVswitchId,
      vpnGatewayName: p.name,
      description: p.description,
      networkType,
      paymentType,
      // given months are rendered whenever given (the rules refuse them with a literal pay-as-you-go type)
      period: p.subscriptionMonths ?? (paymentType === VpnGatewayPaymentType.SUBSCRIPTION ? 1 : undefined),
      autoPropagate: p.autoPropagate,
      resourceGroupId: p.resourceGroupId,
      tags: p.tags,
    });
    this.gatewayId = this.resource.id;
    this.internetIp = this.resource.internetIp;
    if (this.tunnelMode === TunnelMode.DUAL) this.disasterRecoveryInternetIp = this.resource.disasterRecoveryInternetIp;

    Fleet.of(this).addGateway({
      construct: this,
      reference: referenceKey(this, this.gatewayId),
      tunnelMode: this.tunnelMode,
      networkType: p.networkType === undefined || !Token.isUnresolved(p.networkType) ? networkType : undefined,
      serializeChanges: p.serializeChanges ?? true,
      internetIp: this.internetIp,
    });

    if (p.createOutputs ?? true) {
      new TerraformOutput(this, 'GatewayId', {
        value: this.gatewayId,
        description: `ID of the VPN gateway ${this.node.path}`,
      });
      new TerraformOutput(this, 'InternetIp', {
        value: this.internetIp,
        description: `Public IP address of the VPN gateway ${this.node.path}`,
      });
      if (this.disasterRecoveryInternetIp !== undefined) {
        new TerraformOutput(this, 'DisasterRecoveryInternetIp', {
          value: this.disasterRecoveryInternetIp,
          description: `Public IP address of the standby tunnel of the VPN gateway ${this.node.path}`,
        });
      }
    }
  }

  /**
   * Adds an IPsec-VPN connection to this gateway (construct scope: the gateway).
   */
  public addConnection(id: string, options: IpsecVpnConnectionOptions): IpsecVpnConnection {
    supplyGateway(this);
    try {
      return new IpsecVpnConnection(this, id, options as IpsecVpnConnectionProps);
    } finally {
      takeSuppliedGateway();
    }
  }
}
