import Foundation
import PackagePlugin

/// Embeds a folder of the package into a module as generated Swift source: `journal-template/`
/// into `Authoring` (for `ties init --example`) and `site-theme/` into `Site` (the default theme).
///
/// Both must work from an installed binary far away from this repository, so they travel inside
/// the binary rather than in a resource bundle that would have to be installed beside it.
@main
struct EmbedFolders: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, typeName): (String, String)
        switch target.name {
        case "Authoring": (folder, typeName) = ("journal-template", "EmbeddedJournalTemplate")
        case "Site": (folder, typeName) = ("site-theme", "EmbeddedTheme")
        default: return []
        }
        let source = context.package.directoryURL.appending(path: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "\(typeName).swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: source, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker {
                // Sites built inside the template (`_site/`, `_public/`) are output, not input.
                if url.lastPathComponent.hasPrefix("_") {
                    walker.skipDescendants()
                    continue
                }
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { inputs.append(url) }
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(folder)/ (\(inputs.count) files)",
                executable: try context.tool(named: "TiesEmbed").url,
                arguments: [source.path, output.path, typeName],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
