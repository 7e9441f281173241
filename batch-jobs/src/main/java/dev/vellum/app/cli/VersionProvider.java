package dev.vellum.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven writes into the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VellumMain.class.getPackage().getImplementationVersion();
        return new String[] {"vellum " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
