package io.edumatrix;

import io.edumatrix.platform.data.ProvisioningScriptCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EduMatrixApplication {

    public static void main(String[] args) {
        if (ProvisioningScriptCommand.isRequested(args)) {
            ProvisioningScriptCommand.run(args);
            return;
        }
        SpringApplication.run(EduMatrixApplication.class, args);
    }
}
