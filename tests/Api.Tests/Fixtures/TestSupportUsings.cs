// DynamoDB Local, the process helper and the repository paths are shared with the other test projects.
global using Lifestyle.TestSupport;
