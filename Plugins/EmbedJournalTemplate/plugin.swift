import Foundation
import PackagePlugin

/// Embeds `journal-template/` into the `Index` module as generated Swift source.
///
/// `ties init --example` must work from an installed binary far away from this repository,
/// so the sample journal travels inside the binary rather than in a resource bundle beside it.
@main
struct EmbedJournalTemplate: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let template = context.package.directoryURL.appending(path: "journal-template")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedJournalTemplate.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: template, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding journal-template/ (\(inputs.count) files)",
                executable: try context.tool(named: "TiesEmbed").url,
                arguments: [template.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
