# The Netværk Portal as a container: built with the SDK, run on the ASP.NET Core runtime as a non-root user.
# docs/operations.md describes the topology; compose.yaml runs two of these behind a proxy.
# tests/NetvaerkPortal.Tests/Operations/DeploymentFilesTests checks the start command and environment against the code.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/NetvaerkPortal.Web/NetvaerkPortal.Web.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# `netvaerk VERB ...` inside the container: the same program, without the server (no arguments prints the help).
RUN printf '#!/bin/sh\n[ "$#" -eq 0 ] && set -- --help\nexec dotnet /app/NetvaerkPortal.Web.dll "$@"\n' > /usr/local/bin/netvaerk \
    && chmod 755 /usr/local/bin/netvaerk \
    && mkdir -p /data/App_Data /data/media \
    && chown -R "$APP_UID" /data
ENV Portal__AppDataPath=/data/App_Data \
    Portal__MediaPath=/data/media
# App_Data is each node's own (its search index); media is shared by every node.
VOLUME ["/data/App_Data", "/data/media"]
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "NetvaerkPortal.Web.dll"]
CMD ["--urls", "http://0.0.0.0:8080"]
