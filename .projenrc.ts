import { cdktf, javascript } from 'projen';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-alicloud-vpn',
  description:
    'CDK for Terraform constructs for Alibaba Cloud IPsec-VPN connections, validated at synth time, with typed alicloud bindings.',
  author: 'cdktf-alicloud-vpn maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/cdktf-alicloud-vpn/cdktf-alicloud-vpn.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'cdktf', 'cdktn', 'terraform', 'alicloud', 'alibaba-cloud', 'vpn', 'ipsec'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  jsiiVersion: '~6.0.0',
  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  // pin the dev copies ourselves instead of projen's "lowest peer version" pins
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'cdktf@0.21.0',
    // one constructs copy that satisfies both cdktf (^10.4.2) and cdktn (>=10.6.0 <10.8.0)
    'constructs@10.7.2',
    // binding generation (scripts/generate-bindings.js): the generator `cdktf get` uses
    '@cdktf/provider-generator@0.21.0',
    'codemaker@^1.112.0',
    // HCL parsing for the acceptance-configuration tests
    '@cdktf/hcl2json@0.21.0',
    // property-based tests (test/properties.test.ts)
    'fast-check@^4',
    // CDK Terrain, the community fork: test/cdktn.test.ts synthesizes the same stack with it
    'cdktn@0.24.0',
    // the stand-in provider terraform attaches to in the tests (test/terraform/): plugin protocol 5 over gRPC
    '@grpc/grpc-js@^1.14.0',
    '@grpc/proto-loader@^0.8.0',
    '@msgpack/msgpack@^3.1.0',
  ],
  prettier: true,
  prettierOptions: {
    settings: { singleQuote: true, printWidth: 120 },
    ignoreFileOptions: { ignorePatterns: ['src/gen/', 'API.md', '*.md', 'schema/', 'cdktf.out/'] },
  },
  eslintOptions: {
    dirs: ['src', 'test'],
    ignorePatterns: ['src/gen/**'],
  },
  jestOptions: {
    // CI must fail on a changed snapshot, never rewrite it
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      coveragePathIgnorePatterns: ['/node_modules/', '/src/gen/', '/test/'],
      testPathIgnorePatterns: ['/node_modules/', '/examples/', '/bench/'],
    },
  },
  gitignore: ['cdktf.out/', '/bench/out/', '/bench/results/', '*.tfstate', '*.tfstate.backup'],
  githubOptions: { mergify: false },
});

// the package ships lib/, .jsii, README, API.md and LICENSE only
for (const pattern of ['/schema/', '/scripts/', '/examples/', '/bench/', '/docs/', '/.ci/', 'cdktf.out/']) {
  project.addPackageIgnore(pattern);
}

project.gitattributes.addAttributes('/src/gen/**', 'linguist-generated');

project.addTask('gen', {
  description: 'Generate the alicloud L1 bindings in src/gen/ from schema/alicloud-vpn.schema.json',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'node scripts/generate-bindings.js',
});
project.addTask('gen:check', {
  description: 'Fail if src/gen/ is not exactly what the schema generates',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'node scripts/generate-bindings.js --check',
});
project.addTask('examples', {
  description:
    'Type-check and synthesize every examples/*/main.ts to examples/*/cdktf.out, then check them against the schema',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'node scripts/synth-examples.js',
});
project.addTask('package:check', {
  description: 'Check what `npm pack` would publish (after a build) and print the package size',
  exec: 'node scripts/check-package.js',
});
const bench = project.addTask('bench', {
  description: 'Synthesis benchmark: IpsecVpnConnection vs the generated binding vs plain JSON (prints a table)',
  env: { CHECKPOINT_DISABLE: '1' },
});
bench.spawn(project.compileTask);
bench.exec('node bench/run.js');

project.addTask('test:properties:long', {
  description: 'The property-based tests with 50,000 samples per property (PROPERTY_TOTAL to change)',
  exec: 'node scripts/property-soak.js',
});

project.addTask('consumer:check', {
  description:
    'Pack the library, install it into scratch consumer projects (cdktf-cli 0.21; CDK Terrain under Node 22) as the README says, synthesize an example with the CLI and run terraform on it',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'node scripts/consumer-check.js',
});

project.addTask('readme', {
  description: 'Copy the examples into README.md between their markers',
  exec: 'node scripts/render-readme.js',
});
project.addTask('readme:check', {
  description: 'Fail if README.md does not show the current examples',
  exec: 'node scripts/render-readme.js --check',
});

// API.md documents the library's own constructs; the generated bindings (one jsii submodule each, about
// 1 MiB of reference) go to docs/api/, linked from API.md's submodule list
const docgen = project.tasks.tryFind('docgen')!;
docgen.reset('rm -rf docs/api'); // no page of a removed submodule stays
docgen.exec('jsii-docgen --split-by-submodule -o docs/api/API.md');
// the index (the root module and the submodule links) becomes API.md, its links relative to it
docgen.exec('mv docs/api/API.md API.md');
docgen.exec("sed -i 's#](\\./alicloud#](./docs/api/alicloud#' API.md");
project.gitattributes.addAttributes('/docs/api/**', 'linguist-generated');

// we deliberately develop against constructs 10.7 (see devDeps), not the lowest peer version
project.compileTask.reset('jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency');

project.testTask.env('CHECKPOINT_DISABLE', '1');

project.synth();
