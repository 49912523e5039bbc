using NetvaerkPortal.Modules;

[assembly: Module("Netvaerk.Tenants", "Tenantstyring", Dependencies = ["Netvaerk.Content"],
    Description = "Lets the Default tenant's administrators create and set up the other tenants.")]
